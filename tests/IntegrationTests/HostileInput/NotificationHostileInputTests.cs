using System.Net;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.IntegrationTests.Notification;

namespace SafetyReports.IntegrationTests.HostileInput;

public sealed class NotificationHostileInputFixture : NotificationSystemFixture;

/// <summary>
/// Property-based tests over Notification's inputs: hosts, subscriptions (URLs above all), subscription
/// edits (PATCH), and a host's acknowledgement, response (with the DSA statement fields) and thread messages. Every answer: no 5xx, bounded time, a
/// problem+json 4xx, and nothing stored or changed unless the answer says it was.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class NotificationHostileInputTests(NotificationHostileInputFixture fixture)
    : IClassFixture<NotificationHostileInputFixture>, IDisposable
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(200).WithQuietOnSuccess(true);

    private readonly HttpProbe _probe = new(fixture.System.Url);

    /// <summary>URLs a hostile caller would register: other schemes, user-info, odd IP notations, metadata, IDN, broken escapes.</summary>
    private static readonly Gen<string> HostileUrls = Gen.OneOf(
        Gen.Elements(
            "http://127.0.0.1:9/hook", "https://example.org/hook", "ftp://example.org/", "file:///etc/passwd", "javascript:alert(1)",
            "https://user:pass@example.org/", "http://169.254.169.254/latest/meta-data/", "http://metadata.google.internal/",
            "http://[::ffff:169.254.169.254]/", "http://0x7f.1/", "http://2130706433/", "http://0177.0.0.1/", "http://[::1]:99999/",
            "https://ex\u200Bample.org/", "https://xn--80ak6aa92e.com/", "https://ехаmple.org/", "https://example.org/%zz", "//example.org/",
            "https://\u061C\u200Cexample.org/", "https://\uFFFD\u0130.example/", "https://", "https:///path", "http://a b/", "https://example.org:0/", "https://exa%00mple.org/", "HTTPS://EXAMPLE.ORG/"),
        HostileText.Short.Select(s => "https://" + s + "/hook"),
        HostileText.Any);

    [Fact]
    public async Task Hostile_host_registrations_are_refused_cleanly_and_store_a_host_only_when_created()
    {
        var bearer = await fixture.System.Api.TokenAsync(TestClients.Admin);
        var bodies = HostileJson.RequestBody(
            () => new JsonObject { ["id"] = $"hub-{Guid.NewGuid():N}"[..20], ["name"] = "A model hub", ["contactEmail"] = "trust@example.org" },
            ["id", "name", "contactEmail", "extra"]);
        Check.One(Cases, Prop.ForAll(bodies.ToArbitrary(), (HostileBody body) =>
        {
            var before = Rows("hosts");
            var answer = _probe.SendJson(HttpMethod.Post, "api/v1/hosts", body.Bytes, bearer);
            HttpProbe.AssertApiAnswer(answer);
            Assert.True(answer.Status is HttpStatusCode.Created or HttpStatusCode.BadRequest or HttpStatusCode.Conflict, $"{body}: {(int)answer.Status} {answer.Body}");
            Assert.Equal(before + (answer.Status == HttpStatusCode.Created ? 1 : 0), Rows("hosts"));
        }));
    }

    [Fact]
    public async Task Hostile_subscriptions_and_urls_are_refused_cleanly_and_stored_only_when_created()
    {
        await fixture.Notification.EnsureHostAsync("hub-a");
        var bearer = await fixture.System.Api.TokenAsync(TestClients.Admin);
        var cases =
            from url in HostileUrls
            from body in HostileJson.RequestBody(
                () => new JsonObject { ["url"] = url, ["events"] = new JsonArray("report.triaged"), ["modelPatterns"] = new JsonArray("org/*") },
                ["url", "events", "events.0", "modelPatterns", "modelPatterns.0", "extra"])
            from host in Gen.Frequency((6, Gen.Constant("hub-a")), (1, HostileText.Short.Select(Uri.EscapeDataString)))
            select (host, body);
        Check.One(Cases, Prop.ForAll(cases.ToArbitrary(), ((string Host, HostileBody Body) c) =>
        {
            var before = Rows("subscriptions");
            var answer = _probe.SendJson(HttpMethod.Post, $"api/v1/hosts/{c.Host}/subscriptions", c.Body.Bytes, bearer);
            HttpProbe.AssertApiAnswer(answer);
            if (!HttpProbe.IsProtocolRejection(answer))
            {
                Assert.True(answer.Status is HttpStatusCode.Created or HttpStatusCode.BadRequest or HttpStatusCode.NotFound,
                    $"{c.Host} {c.Body}: {(int)answer.Status} {answer.Body}");
            }

            Assert.Equal(before + (answer.Status == HttpStatusCode.Created ? 1 : 0), Rows("subscriptions"));
            if (answer.Status == HttpStatusCode.Created)
            {
                // What was stored is a URL the rules allow: never user-info, never a metadata service.
                var stored = _probe.Get($"api/v1/subscriptions/{JsonNode.Parse(answer.Body)!["id"]}", bearer);
                var url = new Uri(JsonNode.Parse(stored.Body)!["url"]!.GetValue<string>());
                Assert.Empty(url.UserInfo);
                Assert.True(url.Scheme is "http" or "https", url.ToString());
            }
        }));
    }

    [Fact]
    public async Task Hostile_subscription_edits_are_refused_cleanly_and_change_nothing_unless_accepted()
    {
        await fixture.Notification.EnsureHostAsync("hub-a");
        var subscription = await fixture.Notification.SubscribeAsync(TestClients.HostA, "hub-a", "http://127.0.0.1:9/edit", null, ["org/*"]);
        var bearers = new[] { await fixture.System.Api.TokenAsync(TestClients.Admin), await fixture.System.Api.TokenAsync(TestClients.HostA) };
        var cases =
            from url in HostileUrls
            from body in HostileJson.RequestBody(
                () => new JsonObject { ["url"] = url, ["events"] = new JsonArray("report.triaged", "report.resolved"), ["modelPatterns"] = new JsonArray("org/*", "*") },
                ["url", "events", "events.1", "modelPatterns", "modelPatterns.0", "extra"])
            from caller in Gen.Elements(0, 1)
            select (caller, body);
        Check.One(Cases, Prop.ForAll(cases.ToArbitrary(), ((int Caller, HostileBody Body) c) =>
        {
            var before = _probe.Get($"api/v1/subscriptions/{subscription.Id}", bearers[0]).Body;
            var answer = _probe.SendJson(HttpMethod.Patch, $"api/v1/subscriptions/{subscription.Id}", c.Body.Bytes, bearers[c.Caller]);
            HttpProbe.AssertApiAnswer(answer);
            Assert.True(answer.Status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{c.Body}: {(int)answer.Status} {answer.Body}");
            if (answer.Status != HttpStatusCode.OK)
            {
                Assert.Equal(before, _probe.Get($"api/v1/subscriptions/{subscription.Id}", bearers[0]).Body);
            }
        }));
    }

    [Fact]
    public async Task Hostile_acknowledgements_and_responses_from_a_host_are_refused_cleanly_and_record_nothing_unless_accepted()
    {
        await using var receiver = await ScriptedReceiver.StartAsync();
        await fixture.Notification.EnsureHostAsync("hub-a");
        var model = $"org-{Guid.NewGuid():N}/model";
        await fixture.Notification.SubscribeAsync(TestClients.HostA, "hub-a", receiver.BaseUrl + "/a", null, [model]);
        var reportId = await fixture.Notification.TriagedReportAsync("hub-a", model, "Hostile host answers");
        await receiver.NextAsync(r => r.Body.Contains(reportId.ToString()), NotificationClient.Patience);
        var bearer = await fixture.System.Api.TokenAsync(TestClients.HostA);

        var acknowledgements = HostileJson.RequestBody(() => new JsonObject { ["note"] = "Looking into it" }, ["note", "extra"])
            .Select(b => ("acknowledge", b));
        var responses = Gen.Elements("removed", "restricted", "mitigated", "disputed", "no_action", "REMOVED", "")
            .SelectMany(action => HostileJson.RequestBody(
                () => new JsonObject
                {
                    ["action"] = action, ["scope"] = "the repository, worldwide", ["until"] = action == "restricted" ? "2030-01-01T00:00:00Z" : null,
                    ["grounds"] = "Breach of our content policy", ["automated"] = false, ["note"] = "Done",
                    ["decisionGround"] = "illegal_content", ["legalGround"] = "Art. 5 of the Weapons Act",
                    ["territorialScope"] = new JsonArray("DE", "FR"), ["automatedDetection"] = true, ["automatedDecision"] = false,
                    ["redress"] = "Appeal at https://hub.example/appeals",
                },
                ["action", "scope", "until", "grounds", "automated", "note", "decisionGround", "legalGround", "termsReference",
                 "territorialScope", "territorialScope.0", "automatedDetection", "automatedDecision", "redress", "extra"]))
            .Select(b => ("response", b));
        Check.One(Cases, Prop.ForAll(Gen.OneOf(acknowledgements, responses).ToArbitrary(), ((string Kind, HostileBody Body) c) =>
        {
            var before = HostRecord(reportId, bearer);
            var answer = _probe.SendJson(HttpMethod.Post, $"api/v1/host/reports/{reportId}/{c.Kind}", c.Body.Bytes, bearer);
            HttpProbe.AssertApiAnswer(answer);
            Assert.True(answer.Status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{c.Kind} {c.Body}: {(int)answer.Status} {answer.Body}");
            if (answer.Status != HttpStatusCode.OK)
            {
                Assert.Equal(before, HostRecord(reportId, bearer));
            }
        }));
    }

    [Fact]
    public async Task Hostile_thread_messages_from_a_host_are_refused_cleanly_and_stored_only_when_created()
    {
        await using var receiver = await ScriptedReceiver.StartAsync();
        await fixture.Notification.EnsureHostAsync("hub-a");
        var model = $"org-{Guid.NewGuid():N}/model";
        await fixture.Notification.SubscribeAsync(TestClients.HostA, "hub-a", receiver.BaseUrl + "/a", null, [model]);
        var reportId = await fixture.Notification.TriagedReportAsync("hub-a", model, "Hostile thread");
        await NotificationClient.WebhookAsync(receiver, "report.triaged", reportId);
        var bearer = await fixture.System.Api.TokenAsync(TestClients.HostA);
        var path = $"api/v1/host/reports/{reportId}/messages";

        var bodies = HostileJson.RequestBody(() => new JsonObject { ["text"] = "We removed the model.\nThanks for the report." }, ["text", "extra"]);
        Check.One(Cases, Prop.ForAll(bodies.ToArbitrary(), (HostileBody body) =>
        {
            var before = Rows("messages");
            var answer = _probe.SendJson(HttpMethod.Post, path, body.Bytes, bearer);
            HttpProbe.AssertApiAnswer(answer);
            Assert.True(answer.Status is HttpStatusCode.Created or HttpStatusCode.BadRequest, $"{body}: {(int)answer.Status} {answer.Body}");
            Assert.Equal(before + (answer.Status == HttpStatusCode.Created ? 1 : 0), Rows("messages"));
            if (answer.Status == HttpStatusCode.Created)
            {
                // What was stored is what the thread shows, as answered.
                var created = JsonNode.Parse(answer.Body)!;
                var thread = JsonNode.Parse(_probe.Get(path, bearer).Body)!["items"]!.AsArray();
                Assert.Equal(created.ToJsonString(), thread.Single(m => m!["id"]!.GetValue<string>() == created["id"]!.GetValue<string>())!.ToJsonString());
            }
        }));
    }

    /// <summary>What the host itself recorded about a report (its status moves on through Triage meanwhile).</summary>
    private string HostRecord(Guid reportId, string bearer)
    {
        var view = JsonNode.Parse(_probe.Get($"api/v1/host/reports/{reportId}", bearer).Body)!;
        return $"{view["acknowledgedAt"]?.ToJsonString()} {view["acknowledgementNote"]?.ToJsonString()} {view["response"]?.ToJsonString()}";
    }

    private long Rows(string table) => StoreInspector.Count(fixture.System.DataDirectory, "notification.db", table: table);

    public void Dispose() => _probe.Dispose();
}
