using System.Net;
using System.Text.Json.Nodes;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Notification;

public sealed class ModelIdentityFixture : NotificationSystemFixture;

/// <summary>
/// One model, many hosts, end to end on a Standalone system: a report on hub-a reaches hub-b, which serves a copy, through a
/// shared file digest and through an alias the maintainers linked, each host on its own (acknowledgement, response); a manifest
/// hub-b publishes later that matches a report is a re-upload: the maintainers are alerted and, the report being open, hub-b
/// is told. The report page (Triage's view) shows every host it reached and each one's state; no reporter contact reaches a host.
/// </summary>
public sealed class ModelIdentityTests(ModelIdentityFixture fixture) : IClassFixture<ModelIdentityFixture>
{
    private NotificationClient Notification => fixture.Notification;

    private SystemUnderTest Api => fixture.Notification.Api;

    private static string Digest() => "sha256:" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());

    private static string Path(string modelId) => Uri.EscapeDataString(modelId);

    private async Task<(ScriptedReceiver Receiver, string ModelA, string ModelB)> HostsAsync()
    {
        var receiver = await ScriptedReceiver.StartAsync();
        await Notification.EnsureHostAsync("hub-a");
        await Notification.EnsureHostAsync("hub-b");
        var modelA = $"org-{Guid.NewGuid():N}/model";
        var modelB = $"mirror-{Guid.NewGuid():N}/copy";
        await Notification.SubscribeAsync(TestClients.HostA, "hub-a", receiver.BaseUrl + "/a", ["report.triaged"], [modelA]);
        await Notification.SubscribeAsync(TestClients.HostB, "hub-b", receiver.BaseUrl + "/b", ["report.triaged"], [modelB]);
        return (receiver, modelA, modelB);
    }

    private async Task PublishAsync(TestClient host, string modelId, params string[] digests)
    {
        var manifest = await Notification.JsonAsync(HttpMethod.Put, $"/api/v1/host/models/{Path(modelId)}/files", host, new { fileDigests = digests });
        Assert.Equal(digests.Select(d => d.ToLowerInvariant()), manifest["fileDigests"]!.AsArray().Select(d => d!.GetValue<string>()));
    }

    private async Task<Guid> TriagedReportAsync(string modelA, string[] digests, string email)
    {
        var report = new
        {
            model = new { host = "hub-a", id = modelA, fileDigests = digests },
            category = "violent-crimes",
            severity = "high",
            title = "Unsafe completions",
            description = "The model gave step-by-step instructions.",
            reporter = new { name = "Rita Reporter", email },
            contactAllowed = true,
            goodFaith = true,
        };
        var (id, _) = await Api.SubmitAsync(report);
        var received = await Api.TriageReportAsync(id);
        Assert.Equal(digests, received["model"]!["fileDigests"]?.AsArray().Select(d => d!.GetValue<string>()) ?? []);
        using var triaged = await Api.SendAsync(HttpMethod.Post, Api.Urls.Triage, $"/api/v1/triage/reports/{id}/transitions", TestClients.Triager,
            new { to = "triaged", severity = "high", expectedVersion = received["version"]!.GetValue<long>() });
        Assert.Equal(HttpStatusCode.OK, triaged.StatusCode);
        return id;
    }

    private Task<JsonNode> ReportWhenAsync(Guid id, Func<JsonNode, bool> until) => Api.TriageReportAsync(id, until, NotificationClient.Patience);

    private static JsonNode? ReachedHost(JsonNode report, string host) =>
        report["hosts"]!.AsArray().FirstOrDefault(h => h!["host"]!.GetValue<string>() == host);

    [Fact]
    public async Task A_report_reaches_a_second_host_serving_a_file_with_the_same_digest_and_that_host_answers_on_its_own()
    {
        var (receiver, modelA, modelB) = await HostsAsync();
        await using var _ = receiver;
        var shared = Digest();
        await PublishAsync(TestClients.HostB, modelB, shared.ToUpperInvariant().Replace("SHA256:", "sha256:", StringComparison.Ordinal), Digest());
        var email = $"rita-{Guid.NewGuid():N}@reporters.example";

        var reportId = await TriagedReportAsync(modelA, [shared], email);

        var toA = await NotificationClient.WebhookAsync(receiver, "report.triaged", reportId);
        var toB = await Eventually.UntilAsync(
            () => Task.FromResult(receiver.Received.FirstOrDefault(r => r.Path.EndsWith("/b", StringComparison.Ordinal) && r.Body.Contains(reportId.ToString(), StringComparison.Ordinal))),
            NotificationClient.Patience, "hub-b's webhook");
        Assert.EndsWith("/a", toA.Path, StringComparison.Ordinal);
        Assert.Contains(modelB, toB.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(email, toB.Body, StringComparison.Ordinal);

        var seenByB = await Notification.JsonAsync(HttpMethod.Get, $"/api/v1/host/reports/{reportId}", TestClients.HostB);
        Assert.Equal(("digest", modelB), (seenByB["reachedVia"]!.GetValue<string>(), seenByB["model"]!["id"]!.GetValue<string>()));
        Assert.DoesNotContain(email, seenByB.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Rita", seenByB.ToJsonString(), StringComparison.Ordinal);

        await Notification.JsonAsync(HttpMethod.Post, $"/api/v1/host/reports/{reportId}/acknowledge", TestClients.HostB, new { note = "Looking" });
        await Notification.JsonAsync(HttpMethod.Post, $"/api/v1/host/reports/{reportId}/response", TestClients.HostB,
            new { action = "removed", scope = "the mirror", grounds = "Our terms §2", automated = false });

        var report = await ReportWhenAsync(reportId, r => ReachedHost(r, "hub-b") is { } b && b["respondedAt"] is not null && b["notifiedAt"] is not null
                                                          && r["hostNotifiedAt"] is not null);
        var b = ReachedHost(report, "hub-b")!;
        Assert.Equal(("digest", modelB, "removed"), (b["via"]!.GetValue<string>(), b["modelId"]!.GetValue<string>(), b["responseAction"]!.GetValue<string>()));
        Assert.Equal([shared], b["sharedDigests"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.NotNull(b["acknowledgedAt"]);
        Assert.NotNull(b["notifiedAt"]);
        var a = ReachedHost(report, "hub-a")!;
        Assert.Equal("report", a["via"]!.GetValue<string>());
        // hub-b's answer is hub-b's: the report's own host has neither acknowledged nor responded.
        Assert.Null(report["acknowledgedAt"]);
        Assert.Null(report["hostResponse"]);
        Assert.Equal("host_notified", report["status"]!.GetValue<string>());
        Assert.Contains("host_reached", await Notification.AuditActionsAsync(reportId));

        // Host A still sees its own report as before, and host B's acknowledgement is not host A's.
        var seenByA = await Notification.JsonAsync(HttpMethod.Get, $"/api/v1/host/reports/{reportId}", TestClients.HostA);
        Assert.Equal("report", seenByA["reachedVia"]!.GetValue<string>());
        Assert.Null(seenByA["acknowledgedAt"]);
    }

    [Fact]
    public async Task A_report_reaches_a_host_whose_model_the_maintainers_linked_as_an_alias()
    {
        var (receiver, modelA, modelB) = await HostsAsync();
        await using var _ = receiver;
        var linked = await Notification.JsonAsync(HttpMethod.Post, $"/api/v1/hosts/hub-a/models/{Path(modelA)}/aliases", TestClients.Triager,
            new { host = "hub-b", modelId = modelB });
        Assert.Equal(modelB, Assert.Single(linked["aliases"]!.AsArray())!["modelId"]!.GetValue<string>());

        var reportId = await TriagedReportAsync(modelA, [], $"rita-{Guid.NewGuid():N}@reporters.example");

        await Eventually.UntilAsync(
            () => Task.FromResult(receiver.Received.FirstOrDefault(r => r.Path.EndsWith("/b", StringComparison.Ordinal) && r.Body.Contains(reportId.ToString(), StringComparison.Ordinal))),
            NotificationClient.Patience, "hub-b's webhook");
        var report = await ReportWhenAsync(reportId, r => ReachedHost(r, "hub-b") is not null);
        Assert.Equal("alias", ReachedHost(report, "hub-b")!["via"]!.GetValue<string>());

        using var unlinked = await Notification.SendAsync(HttpMethod.Delete, $"/api/v1/hosts/hub-b/models/{Path(modelB)}/aliases", TestClients.Triager);
        Assert.Equal(HttpStatusCode.NoContent, unlinked.StatusCode);
        var after = await Notification.JsonAsync(HttpMethod.Get, $"/api/v1/hosts/hub-a/models/{Path(modelA)}", TestClients.Triager);
        Assert.Empty(after["aliases"]!.AsArray());
    }

    [Fact]
    public async Task A_manifest_published_later_that_matches_an_open_report_alerts_the_maintainers_and_tells_its_host()
    {
        var (receiver, modelA, modelB) = await HostsAsync();
        await using var _ = receiver;
        var digest = Digest();
        var reportId = await TriagedReportAsync(modelA, [digest], $"rita-{Guid.NewGuid():N}@reporters.example");
        await NotificationClient.WebhookAsync(receiver, "report.triaged", reportId);
        await ReportWhenAsync(reportId, r => r["hostNotifiedAt"] is not null);

        await PublishAsync(TestClients.HostB, modelB, digest);

        var report = await ReportWhenAsync(reportId, r => r["reuploads"]!.AsArray().Count > 0 && ReachedHost(r, "hub-b") is not null);
        var reupload = Assert.Single(report["reuploads"]!.AsArray())!;
        Assert.Equal(("hub-b", modelB, true), (reupload["hostId"]!.GetValue<string>(), reupload["modelId"]!.GetValue<string>(), reupload["hostNotified"]!.GetValue<bool>()));
        Assert.Equal("reupload", ReachedHost(report, "hub-b")!["via"]!.GetValue<string>());
        Assert.Contains("model_reupload_detected", await Notification.AuditActionsAsync(reportId));
        await Eventually.UntilAsync(
            () => Task.FromResult(receiver.Received.FirstOrDefault(r => r.Path.EndsWith("/b", StringComparison.Ordinal) && r.Body.Contains(reportId.ToString(), StringComparison.Ordinal))),
            NotificationClient.Patience, "hub-b's webhook about the re-upload");

        // Publishing the same manifest again alerts nobody twice.
        await PublishAsync(TestClients.HostB, modelB, digest);
        var read = await Notification.JsonAsync(HttpMethod.Get, $"/api/v1/host/models/{Path(modelB)}/files", TestClients.HostB);
        Assert.Equal([digest], read["fileDigests"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Single((await Api.TriageReportAsync(reportId))["reuploads"]!.AsArray());
    }

    [Fact]
    public async Task Bad_digests_are_field_errors_and_change_nothing()
    {
        await Notification.EnsureHostAsync("hub-b");
        using var bad = await Notification.SendAsync(HttpMethod.Put, "/api/v1/host/models/x%2Fy/files", TestClients.HostB, new { fileDigests = new[] { "sha256:nope" } });
        await NotificationClient.AssertProblemAsync(bad, HttpStatusCode.BadRequest, "fileDigests[0]");
        using var missing = await Notification.SendAsync(HttpMethod.Put, "/api/v1/host/models/x%2Fy/files", TestClients.HostB, new { });
        await NotificationClient.AssertProblemAsync(missing, HttpStatusCode.BadRequest, "fileDigests");
        using var read = await Notification.SendAsync(HttpMethod.Get, "/api/v1/host/models/x%2Fy/files", TestClients.HostB);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }
}
