using System.Net;
using System.Text.Json.Nodes;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.UnitTests.Intake.Evidence;
using static SafetyReports.IntegrationTests.Intake.EvidenceFixtures;

namespace SafetyReports.IntegrationTests.Notification;

/// <summary>
/// Evidence files and the host, end to end in one running system: nothing is shared unless maintainers share it; the host's
/// notice lists a shared file's record only, the host downloads its bytes through the host API (as an attachment, only its own
/// report's shared files); stopping to share takes the access away at once; every share, unshare and download is in the
/// report's audit chain.
/// </summary>
public sealed class HostEvidenceFileTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_shared_file_reaches_its_host_as_a_download_and_stops_when_unshared_every_step_audited()
    {
        await using var system = await StandaloneSystem.StartAsync(new Dictionary<string, string> { ["SafetyReports:Intake:EvidenceFiles:Enabled"] = "true" });
        var api = system.Api;
        var host = TestClients.HostA.HostId!;
        var report = new { model = new { host, id = $"org-{Guid.NewGuid():N}/voice" }, category = "violent-crimes", severity = "high", title = "Files for the host", description = "See the files.", goodFaith = true };
        using var submitted = await api.Http.PostAsync(system.Url + "/api/v1/reports",
            Multipart(report, ("photo.jpg", EvidenceImages.JpegWithGps(24, 12)), ("chat.jsonl", ChatLog())), Ct);
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var id = Guid.Parse((await SystemUnderTest.JsonAsync(submitted))["id"]!.GetValue<string>());
        var received = await api.TriageReportAsync(id, r => r["files"]!.AsArray().Count == 2);
        var (photo, log) = (File(received, 0), File(received, 1));
        Assert.All(received["files"]!.AsArray(), f => Assert.False(f!["sharedWithHost"]!.GetValue<bool>()));

        // Shared before the move to triaged: the choice waits for the first notice (no notice revision in the entry).
        var shared = await ShareAsync(api, id, log.Id, true, received["version"]!.GetValue<long>());
        Assert.Equal([false, true], shared["files"]!.AsArray().Select(f => f!["sharedWithHost"]!.GetValue<bool>()));
        using (var triaged = await api.SendAsync(HttpMethod.Post, api.Urls.Triage, $"/api/v1/triage/reports/{id}/transitions", TestClients.Triager,
                   new { to = "triaged", expectedVersion = shared["version"]!.GetValue<long>() }))
        {
            Assert.True(triaged.StatusCode == HttpStatusCode.OK, await triaged.Content.ReadAsStringAsync(Ct));
        }

        // The notice names the shared file only, by its record.
        var notice = await NoticeAsync(api, id, n => n["files"]!.AsArray().Count == 1);
        var listed = notice["files"]![0]!;
        Assert.Equal((log.Id.ToString(), log.Name, log.Type, log.Size, log.Sha256),
            (listed["id"]!.GetValue<string>(), listed["name"]!.GetValue<string>(), listed["type"]!.GetValue<string>(), listed["size"]!.GetValue<long>(),
                listed["sha256"]!.GetValue<string>()));

        // The host downloads it, only ever as an attachment that runs nothing.
        using (var download = await HostDownloadAsync(api, id, log.Id, TestClients.HostA))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(log.Sha256, Sha256(await download.Content.ReadAsByteArrayAsync(Ct)));
            Assert.Equal(log.Type, download.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal(log.Name, download.Content.Headers.ContentDisposition?.FileNameStar);
            Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.StartsWith("sandbox;", download.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("no-store", download.Headers.CacheControl?.ToString());
        }

        // Not the file that is not shared, not another host, not through another report, not without the host scope.
        await AssertNoFileAsync(await HostDownloadAsync(api, id, photo.Id, TestClients.HostA));
        await AssertNoFileAsync(await HostDownloadAsync(api, id, log.Id, TestClients.HostB));
        await AssertNoFileAsync(await HostDownloadAsync(api, Guid.NewGuid(), log.Id, TestClients.HostA));
        using (var maintainer = await HostDownloadAsync(api, id, log.Id, TestClients.Triager))
        {
            Assert.Equal(HttpStatusCode.Forbidden, maintainer.StatusCode);
        }

        // Sharing the photo after triage moves the notice on; stopping to share the log takes it away at once, before the
        // host's notice is even replaced: Triage is asked each time.
        var current = await api.TriageReportAsync(id);
        current = await ShareAsync(api, id, photo.Id, true, current["version"]!.GetValue<long>());
        await NoticeAsync(api, id, n => n["files"]!.AsArray().Count == 2);
        await ShareAsync(api, id, log.Id, false, current["version"]!.GetValue<long>());
        await AssertNoFileAsync(await HostDownloadAsync(api, id, log.Id, TestClients.HostA));
        var last = await NoticeAsync(api, id, n => n["files"]!.AsArray().Count == 1);
        Assert.Equal(photo.Id.ToString(), last["files"]![0]!["id"]!.GetValue<string>());
        using (var image = await HostDownloadAsync(api, id, photo.Id, TestClients.HostA))
        {
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal(photo.Sha256, Sha256(await image.Content.ReadAsByteArrayAsync(Ct)));
        }

        // A maintainer's download, too, is recorded.
        using (var own = await api.SendAsync(HttpMethod.Get, api.Urls.Triage, $"/api/v1/triage/reports/{id}/files/{photo.Id}", TestClients.Triager))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }

        using var auditAnswer = await api.SendAsync(HttpMethod.Get, api.Urls.Triage, $"/api/v1/triage/reports/{id}/audit", TestClients.Triager);
        var audit = (await SystemUnderTest.JsonAsync(auditAnswer)).AsArray()
            .Select(e => (Action: e!["action"]!.GetValue<string>(), Actor: e["actor"]!.GetValue<string>(), Data: JsonNode.Parse(e["data"]!.GetValue<string>())!))
            .Where(e => e.Action.StartsWith("file_", StringComparison.Ordinal))
            .Select(e => (e.Action, e.Actor, e.Data["fileId"]!.GetValue<string>()))
            .ToList();
        Assert.Equal(
        [
            ("file_shared", TestClients.Triager.ClientId, log.Id.ToString()),
            ("file_downloaded", $"host:{host}", log.Id.ToString()),
            ("file_shared", TestClients.Triager.ClientId, photo.Id.ToString()),
            ("file_unshared", TestClients.Triager.ClientId, log.Id.ToString()),
            ("file_downloaded", $"host:{host}", photo.Id.ToString()),
            ("file_downloaded", TestClients.Triager.ClientId, photo.Id.ToString()),
        ], audit);
    }

    [Fact]
    public async Task A_host_serving_a_copy_of_the_model_downloads_a_shared_file_recorded_as_its_own_download()
    {
        await using var system = await StandaloneSystem.StartAsync();
        var api = system.Api;
        foreach (var hub in new[] { "hub-a", "hub-b" })
        {
            using var created = await api.SendAsync(HttpMethod.Post, api.Urls.Notification, "/api/v1/hosts", TestClients.Admin,
                new { id = hub, name = hub, contactEmail = $"security@{hub}.example" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        // hub-b serves a copy: its manifest has the weights' digest the report names.
        var weights = "sha256:" + Sha256(Guid.NewGuid().ToByteArray());
        var copy = $"mirror-{Guid.NewGuid():N}/copy";
        using (var manifest = await api.SendAsync(HttpMethod.Put, api.Urls.Notification, $"/api/v1/host/models/{Uri.EscapeDataString(copy)}/files",
                   TestClients.HostB, new { fileDigests = new[] { weights } }))
        {
            Assert.Equal(HttpStatusCode.OK, manifest.StatusCode);
        }

        var report = new
        {
            model = new { host = "hub-a", id = $"org-{Guid.NewGuid():N}/voice", fileDigests = new[] { weights } },
            category = "violent-crimes", severity = "high", title = "A file for every copy", description = "See the log.", goodFaith = true,
        };
        using var submitted = await api.Http.PostAsync(system.Url + "/api/v1/reports", Multipart(report, ("chat.jsonl", ChatLog())), Ct);
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var id = Guid.Parse((await SystemUnderTest.JsonAsync(submitted))["id"]!.GetValue<string>());
        var received = await api.TriageReportAsync(id, r => r["files"]!.AsArray().Count == 1);
        var log = File(received, 0);
        var shared = await ShareAsync(api, id, log.Id, true, received["version"]!.GetValue<long>());
        using (var triaged = await api.SendAsync(HttpMethod.Post, api.Urls.Triage, $"/api/v1/triage/reports/{id}/transitions", TestClients.Triager,
                   new { to = "triaged", expectedVersion = shared["version"]!.GetValue<long>() }))
        {
            Assert.Equal(HttpStatusCode.OK, triaged.StatusCode);
        }

        // hub-b is shown the same notice, with the shared file, and downloads it.
        await NoticeAsync(api, id, n => n["files"]!.AsArray().Count == 1, TestClients.HostB);
        using (var download = await HostDownloadAsync(api, id, log.Id, TestClients.HostB))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(log.Sha256, Sha256(await download.Content.ReadAsByteArrayAsync(Ct)));
        }

        using var auditAnswer = await api.SendAsync(HttpMethod.Get, api.Urls.Triage, $"/api/v1/triage/reports/{id}/audit", TestClients.Triager);
        var downloads = (await SystemUnderTest.JsonAsync(auditAnswer)).AsArray()
            .Where(e => e!["action"]!.GetValue<string>() == "file_downloaded")
            .Select(e => e!["actor"]!.GetValue<string>());
        Assert.Equal(["host:hub-b"], downloads);
    }

    private sealed record FileRecord(Guid Id, string Name, string Type, long Size, string Sha256);

    private static FileRecord File(JsonNode report, int index)
    {
        var f = report["files"]![index]!;
        return new(Guid.Parse(f["id"]!.GetValue<string>()), f["name"]!.GetValue<string>(), f["type"]!.GetValue<string>(), f["size"]!.GetValue<long>(),
            f["sha256"]!.GetValue<string>());
    }

    private static async Task<JsonNode> ShareAsync(SystemUnderTest api, Guid id, Guid fileId, bool shared, long version)
    {
        using var answer = await api.SendAsync(HttpMethod.Put, api.Urls.Triage, $"/api/v1/triage/reports/{id}/files/{fileId}/sharing", TestClients.Triager,
            new { shared, expectedVersion = version });
        var json = await SystemUnderTest.JsonAsync(answer);
        Assert.True(answer.StatusCode == HttpStatusCode.OK, json.ToJsonString());
        return json;
    }

    private static Task<HttpResponseMessage> HostDownloadAsync(SystemUnderTest api, Guid id, Guid fileId, TestClient client) =>
        api.SendAsync(HttpMethod.Get, api.Urls.Notification, $"/api/v1/host/reports/{id}/files/{fileId}", client);

    private static async Task AssertNoFileAsync(HttpResponseMessage answer)
    {
        using (answer)
        {
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        }
    }

    private static Task<JsonNode> NoticeAsync(SystemUnderTest api, Guid id, Func<JsonNode, bool> until, TestClient? host = null) =>
        Eventually.UntilAsync<JsonNode>(async () =>
        {
            using var answer = await api.SendAsync(HttpMethod.Get, api.Urls.Notification, $"/api/v1/host/reports/{id}", host ?? TestClients.HostA);
            return answer.StatusCode == HttpStatusCode.OK && (await SystemUnderTest.JsonAsync(answer))["notice"] is JsonObject notice && until(notice)
                ? notice
                : null;
        }, Patience, $"the host's notice of report {id}");
}
