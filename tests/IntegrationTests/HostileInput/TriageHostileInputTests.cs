using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.HostileInput;

/// <summary>
/// Property-based tests over Triage's inputs, as a maintainer client (scope <c>triage</c>) would send them:
/// the workflow bodies (transition, note, assignment, classification), bulk reject, and the queue's query
/// strings with cursors. Every answer: no 5xx, bounded time, a problem+json 4xx, and a report changes
/// (version, audit entries) only when the answer is 200.
/// </summary>
public sealed class TriageHostileInputTests(StandaloneFixture fixture) : IClassFixture<StandaloneFixture>, IDisposable
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(200).WithQuietOnSuccess(true);

    private readonly HttpProbe _probe = new(fixture.System.Url);

    private static readonly string[] Statuses =
        ["received", "triaging", "needs_info", "triaged", "host_notified", "acknowledged", "resolved", "rejected", "duplicate", "TRIAGED", ""];

    [Fact]
    public async Task Hostile_workflow_bodies_are_refused_cleanly_and_change_a_report_only_when_accepted()
    {
        var bearer = await fixture.System.Api.TokenAsync(TestClients.Triager);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var (id, _) = await fixture.System.Api.SubmitAsync(SystemUnderTest.Report("hub-t", $"org/triage-{i}", $"Workflow target {i}"));
            await fixture.System.Api.TriageReportAsync(id);
            ids.Add(id);
        }

        var cases =
            from target in Gen.Elements(ids.ToArray())
            from kind in Gen.Elements("transitions", "notes", "assignment", "classification")
            from to in Gen.Elements(Statuses)
            from body in WorkflowBody(kind, to, ids[1])
            select (target, kind, body);
        Check.One(Cases, Prop.ForAll(cases.ToArbitrary(), ((Guid Id, string Kind, HostileBody Body) c) =>
        {
            var version = Report(c.Id, bearer)["version"]!.GetValue<long>();
            var audit = AuditCount(c.Id, bearer);
            var bytes = WithVersion(c.Body.Bytes, version);

            var answer = _probe.SendJson(HttpMethod.Post, $"api/v1/triage/reports/{c.Id}/{c.Kind}", bytes, bearer);

            HttpProbe.AssertApiAnswer(answer);
            var after = Report(c.Id, bearer)["version"]!.GetValue<long>();
            if (answer.Status == HttpStatusCode.OK)
            {
                Assert.True(after > version, $"{c.Kind} {c.Body}: 200 without a new version");
            }
            else
            {
                Assert.True(answer.Status is HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.NotFound,
                    $"{c.Kind} {c.Body}: {(int)answer.Status} {answer.Body}");
                Assert.Equal(version, after);
                Assert.Equal(audit, AuditCount(c.Id, bearer));
            }
        }));
    }

    /// <summary>Stands for the report's current version in generated bodies; replaced just before sending.</summary>
    private const long VersionMark = -4242424242;

    private static Gen<HostileBody> WorkflowBody(string kind, string to, Guid duplicateOf) => kind switch
    {
        "transitions" => HostileJson.RequestBody(
            () => new JsonObject
            {
                ["to"] = to, ["severity"] = "high", ["category"] = "hate", ["duplicateOf"] = to == "duplicate" ? duplicateOf.ToString() : null,
                ["note"] = "internal", ["publicNote"] = "public", ["expectedVersion"] = VersionMark,
            },
            ["to", "severity", "category", "duplicateOf", "note", "publicNote", "expectedVersion", "extra"]),
        "notes" => HostileJson.RequestBody(() => new JsonObject { ["text"] = "A note" }, ["text", "extra"]),
        "assignment" => HostileJson.RequestBody(
            () => new JsonObject { ["assignee"] = "maintainer@example.org", ["expectedVersion"] = VersionMark }, ["assignee", "expectedVersion", "extra"]),
        _ => HostileJson.RequestBody(
            () => new JsonObject { ["severity"] = "low", ["category"] = "privacy", ["expectedVersion"] = VersionMark },
            ["severity", "category", "expectedVersion", "extra"]),
    };

    private static byte[] WithVersion(byte[] body, long version)
    {
        var mark = Encoding.ASCII.GetBytes(VersionMark.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var at = body.AsSpan().IndexOf(mark);
        return at < 0 ? body : [.. body[..at], .. Encoding.ASCII.GetBytes(version.ToString(System.Globalization.CultureInfo.InvariantCulture)), .. body[(at + mark.Length)..]];
    }

    [Fact]
    public async Task Hostile_bulk_rejections_are_refused_cleanly_and_reject_only_what_they_name_when_accepted()
    {
        var bearer = await fixture.System.Api.TokenAsync(TestClients.Triager);
        var (bystander, _) = await fixture.System.Api.SubmitAsync(SystemUnderTest.Report("hub-t", "org/bystander", "Never named in a bulk reject"));
        await fixture.System.Api.TriageReportAsync(bystander);
        var bystanderVersion = Report(bystander, bearer)["version"]!.GetValue<long>();

        var bodies = HostileJson.RequestBody(
            () => new JsonObject { ["ids"] = new JsonArray(Guid.NewGuid().ToString(), Guid.NewGuid().ToString()), ["note"] = "Spam wave" },
            ["ids", "ids.0", "ids.1", "note", "extra"]);
        Check.One(Cases, Prop.ForAll(bodies.ToArbitrary(), (HostileBody body) =>
        {
            var answer = _probe.SendJson(HttpMethod.Post, "api/v1/triage/reports/bulk-reject", body.Bytes, bearer);
            HttpProbe.AssertApiAnswer(answer);
            Assert.True(answer.Status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{body}: {(int)answer.Status} {answer.Body}");
            Assert.Equal(bystanderVersion, Report(bystander, bearer)["version"]!.GetValue<long>());
        }));
    }

    [Fact]
    public async Task Hostile_queue_queries_and_cursors_get_a_page_or_a_field_error()
    {
        var bearer = await fixture.System.Api.TokenAsync(TestClients.Triager);
        for (var i = 0; i < 3; i++)
        {
            var (id, _) = await fixture.System.Api.SubmitAsync(SystemUnderTest.Report("hub-q", $"org/queue-{i}", $"Queue {i}"));
            await fixture.System.Api.TriageReportAsync(id);
        }

        var firstPage = JsonNode.Parse(_probe.Get("api/v1/triage/reports?limit=1", bearer).Body)!;
        var realCursor = firstPage["nextCursor"]!.GetValue<string>();
        var oldestCursor = JsonNode.Parse(_probe.Get("api/v1/triage/reports?limit=1&sort=oldest", bearer).Body)!["nextCursor"]!.GetValue<string>();

        string[] names = ["status", "category", "severity", "modelHost", "modelId", "q", "assignee", "cursor", "limit", "sort", "overdue", "unknown"];
        var cursors = Gen.OneOf(
            Gen.Elements(realCursor, oldestCursor, realCursor[..^2], realCursor + "==", realCursor.Replace('A', '-'), ""),
            HostileText.Short.Select(s => Convert.ToBase64String(Encoding.UTF8.GetBytes(s))),
            Gen.Elements("o:", "d:1:", "x:1:00000000000000000000000000000000", "99999999999999999999:00000000000000000000000000000000",
                    "-62135596800001:00000000000000000000000000000000", "1:" + new string('f', 32), "1:2:3:4")
                .Select(s => Convert.ToBase64String(Encoding.UTF8.GetBytes(s))));
        var values = Gen.Frequency(
            (4, HostileText.Any.Select(v => Uri.EscapeDataString(v.Length > 3_000 ? v[..3_000] : v))),
            (2, Gen.Elements(Statuses).Select(Uri.EscapeDataString)),
            (2, Gen.Elements("0", "1", "200", "201", "-1", "2147483648", "1e3", "true", "false", "oldest", "deadline", "hate")),
            (2, cursors.Select(Uri.EscapeDataString)),
            (1, HostileText.InvalidUtf8Escapes));
        var queries = Gen.Zip(Gen.Elements(names), values).ListOf().Select(q => string.Join('&', q.Take(6).Select(p => $"{p.Item1}={p.Item2}")));
        var cases = Gen.Zip(Gen.Elements("api/v1/triage/reports", "api/v1/triage/reports/counts"), queries);
        Check.One(Cases, Prop.ForAll(cases.ToArbitrary(), ((string Path, string Query) c) =>
        {
            var answer = _probe.Get($"{c.Path}?{c.Query}", bearer);
            HttpProbe.AssertApiAnswer(answer);
            if (!HttpProbe.IsProtocolRejection(answer))
            {
                Assert.True(answer.Status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{c.Query}: {(int)answer.Status} {answer.Body}");
            }
        }));
    }

    private JsonNode Report(Guid id, string bearer)
    {
        var answer = _probe.Get($"api/v1/triage/reports/{id}", bearer);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return JsonNode.Parse(answer.Body)!;
    }

    private int AuditCount(Guid id, string bearer) =>
        JsonNode.Parse(_probe.Get($"api/v1/triage/reports/{id}/audit", bearer).Body)!.AsArray().Count;

    public void Dispose() => _probe.Dispose();
}
