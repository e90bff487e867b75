using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using MassTransit;
using SafetyReports.Contracts;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.HostileInput;

/// <summary>
/// Property-based tests over Triage's inputs, as a maintainer client (scope <c>triage</c>) would send them:
/// the workflow bodies (transition with its notice, note, assignment, classification), the host loop's (the notice,
/// a contest's forward and close, a message to the host), bulk reject, and the queue's query strings with cursors.
/// Every answer: no 5xx, bounded time, a problem+json 4xx, and a report changes (version, audit entries) only when
/// the answer is 200 (a notice asked for as it is is a 200 that changes nothing).
/// </summary>
[Trait("Speed", "Slow")]
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
            SendAndCheck(HttpMethod.Post, c.Id, c.Kind, c.Body, bearer)));
    }

    [Fact]
    public async Task Hostile_host_loop_bodies_are_refused_cleanly_and_change_a_report_only_when_accepted()
    {
        var bearer = await fixture.System.Api.TokenAsync(TestClients.Triager);
        var bus = fixture.System.Get<IBus>();
        var targets = new List<(Guid Id, Guid Contest)>();
        for (var i = 0; i < 3; i++)
        {
            var (id, _) = await fixture.System.Api.SubmitAsync(SystemUnderTest.Report("hub-l", $"org/loop-{i}", $"Host loop target {i}"));
            var report = await fixture.System.Api.TriageReportAsync(id);
            if (i > 0)
            {
                // Two are triaged (their notice and thread are open to edits); one is not, so those are refused on it.
                var moved = _probe.SendJson(HttpMethod.Post, $"api/v1/triage/reports/{id}/transitions",
                    Encoding.UTF8.GetBytes($$"""{"to":"triaged","expectedVersion":{{report["version"]}}}"""), bearer);
                Assert.Equal(HttpStatusCode.OK, moved.Status);
            }

            var contest = ContestIds.For(id, "hub-l", 1);
            await bus.Publish(new ReporterContested(id, contest, "hub-l", 1, "I disagree", DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);
            await fixture.System.Api.TriageReportAsync(id, r => r["contests"]!.AsArray().Count == 1);
            targets.Add((id, contest));
        }

        var cases =
            from target in Gen.Elements(targets.ToArray())
            from kind in Gen.Elements("notice", "forward", "close", "host-messages")
            from body in HostLoopBody(kind)
            select (target, kind, body);
        Check.One(Cases, Prop.ForAll(cases.ToArbitrary(), (((Guid Id, Guid Contest) Target, string Kind, HostileBody Body) c) =>
            SendAndCheck(c.Kind == "notice" ? HttpMethod.Put : HttpMethod.Post, c.Target.Id,
                c.Kind is "forward" or "close" ? $"contests/{c.Target.Contest}/{c.Kind}" : c.Kind, c.Body, bearer)));
    }

    /// <summary>Sends the body (the report's version put in) and checks the answer and that only a 200 changed the report.</summary>
    private void SendAndCheck(HttpMethod method, Guid id, string path, HostileBody body, string bearer)
    {
        var version = Report(id, bearer)["version"]!.GetValue<long>();
        var audit = AuditCount(id, bearer);
        var bytes = WithVersion(body.Bytes, version);

        var answer = _probe.SendJson(method, $"api/v1/triage/reports/{id}/{path}", bytes, bearer);

        HttpProbe.AssertApiAnswer(answer);
        var after = Report(id, bearer)["version"]!.GetValue<long>();
        if (answer.Status == HttpStatusCode.OK && !(path == "notice" && after == version))
        {
            Assert.True(after > version, $"{path} {body}: 200 without a new version");
        }
        else
        {
            Assert.True(answer.Status is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.NotFound,
                $"{path} {body}: {(int)answer.Status} {answer.Body}");
            Assert.Equal(version, after);
            Assert.Equal(audit, AuditCount(id, bearer));
        }
    }

    private static Gen<HostileBody> HostLoopBody(string kind) => kind switch
    {
        "notice" => HostileJson.RequestBody(
            () => new JsonObject
            {
                ["shareDescription"] = true, ["shareEvidence"] = new JsonArray(0, 1), ["noteToHost"] = "A note to the host", ["expectedVersion"] = VersionMark,
            },
            ["shareDescription", "shareEvidence", "shareEvidence.0", "shareEvidence.1", "noteToHost", "expectedVersion", "extra"]),
        "forward" => HostileJson.RequestBody(
            () => new JsonObject { ["reason"] = "Shortened", ["note"] = "Ours", ["expectedVersion"] = VersionMark },
            ["reason", "note", "expectedVersion", "extra"]),
        "close" => HostileJson.RequestBody(
            () => new JsonObject { ["publicNote"] = "Closed with a note", ["expectedVersion"] = VersionMark }, ["publicNote", "expectedVersion", "extra"]),
        _ => HostileJson.RequestBody(() => new JsonObject { ["text"] = "A message to the host" }, ["text", "extra"]),
    };

    /// <summary>Stands for the report's current version in generated bodies; replaced just before sending.</summary>
    private const long VersionMark = -4242424242;

    private static Gen<HostileBody> WorkflowBody(string kind, string to, Guid duplicateOf) => kind switch
    {
        "transitions" => HostileJson.RequestBody(
            () => new JsonObject
            {
                ["to"] = to, ["severity"] = "high", ["category"] = "hate", ["duplicateOf"] = to == "duplicate" ? duplicateOf.ToString() : null,
                ["note"] = "internal", ["publicNote"] = "public", ["expectedVersion"] = VersionMark,
                ["notice"] = to == "triaged"
                    ? new JsonObject { ["shareDescription"] = true, ["shareEvidence"] = new JsonArray(1), ["noteToHost"] = "For the host" }
                    : null,
            },
            ["to", "severity", "category", "duplicateOf", "note", "publicNote", "expectedVersion", "notice", "notice.shareDescription",
                "notice.shareEvidence", "notice.shareEvidence.0", "notice.noteToHost", "extra"]),
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
