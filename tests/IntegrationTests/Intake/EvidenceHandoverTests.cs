using System.Net;
using SafetyReports.Intake.Storage;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.ServiceDefaults.Security;
using SafetyReports.Triage.Evidence;
using SafetyReports.Triage.Storage;
using SafetyReports.UnitTests.Intake.Evidence;
using static SafetyReports.IntegrationTests.Intake.EvidenceFixtures;

namespace SafetyReports.IntegrationTests.Intake;

/// <summary>
/// The hand-over of evidence files: Triage pulls each from Intake's internal endpoint with its own token, checks it, stores it
/// with the report in one transaction and confirms; Intake then deletes its copy. Nothing is lost, and nothing stays twice.
/// </summary>
public sealed class EvidenceHandoverTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static Dictionary<string, string> Enabled(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string> { ["SafetyReports:Intake:EvidenceFiles:Enabled"] = "true" };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static async Task<Guid> SubmitAsync(StandaloneSystem system, byte[] photo, byte[] log)
    {
        var report = new { model = new { host = "hub-e", id = "org/voice-model" }, category = "violent-crimes", title = "Hand-over", description = "With files.", goodFaith = true };
        using var response = await system.Api.Http.PostAsync(system.Url + "/api/v1/reports", Multipart(report, ("photo", photo), ("chat.jsonl", log)),
            TestContext.Current.CancellationToken);
        var json = await SystemUnderTest.JsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, json.ToJsonString());
        return Guid.Parse(json["id"]!.GetValue<string>());
    }

    private static bool HandedOver(StandaloneSystem system, Guid id) =>
        StoreInspector.Count(system.DataDirectory, SubmissionStoreFactory.SqliteFileName, $"id = '{id}' AND handed_over_at IS NOT NULL") == 1;

    /// <summary>Triage holds the report with every file, each the bytes Intake stored (the same SHA-256), and Intake holds none.</summary>
    private static async Task AssertHandedOverAsync(StandaloneSystem system, Guid id)
    {
        await Eventually.UntilAsync(() => Task.FromResult(HandedOver(system, id)), Patience, "Intake to have the hand-over confirmed");
        var ct = TestContext.Current.CancellationToken;
        var records = (await system.Get<ISubmissionStore>().FindReceiptAsync(id, ct))!.EvidenceFiles;
        var report = (await system.Get<ITriageStore>().GetReportAsync(id, ct))!;

        Assert.Equal(2, records.Count);
        Assert.Equal(records.Select(r => (r.Id, r.Name, r.MediaType, r.Size, r.Sha256, r.OriginalSha256)),
            report.EvidenceFiles.Select(f => (f.Id, f.Name, f.MediaType, f.Size, f.Sha256, f.OriginalSha256)));
        foreach (var record in records)
        {
            var held = (await system.Get<ITriageStore>().ReadEvidenceFileAsync(id, record.Id, ct))!;
            Assert.Equal(record.Sha256, Sha256(held));
            Assert.Null(await system.Get<ISubmissionStore>().ReadEvidenceFileAsync(id, record.Id, ct));
        }

        Assert.Equal((0L, 2L), (EvidenceStores.HeldByIntake(system, id), EvidenceStores.HeldByTriage(system, id)));
    }

    [Fact]
    public async Task A_report_with_files_reaches_Triage_with_the_same_hashes_Intake_then_deletes_its_copy_and_maintainers_download_them()
    {
        await using var system = await StandaloneSystem.StartAsync(Enabled());
        var id = await SubmitAsync(system, EvidenceImages.JpegWithGps(24, 12), ChatLog());

        await AssertHandedOverAsync(system, id);

        // Maintainers see the files listed and download each, only ever as an attachment.
        using var view = await system.Api.SendAsync(HttpMethod.Get, system.Url, $"/api/v1/triage/reports/{id}", TestClients.Triager);
        var files = (await SystemUnderTest.JsonAsync(view))["files"]!.AsArray();
        var records = (await system.Get<ISubmissionStore>().FindReceiptAsync(id, TestContext.Current.CancellationToken))!.EvidenceFiles;
        Assert.Equal(records.Select(r => (r.Id.ToString(), r.Name, r.MediaType, r.Size, r.Sha256)),
            files.Select(f => (f!["id"]!.GetValue<string>(), f["name"]!.GetValue<string>(), f["type"]!.GetValue<string>(), f["size"]!.GetValue<long>(),
                f["sha256"]!.GetValue<string>())));
        foreach (var record in records)
        {
            using var download = await system.Api.SendAsync(HttpMethod.Get, system.Url, $"/api/v1/triage/reports/{id}/files/{record.Id}", TestClients.Triager);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(record.Sha256, Sha256(await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)));
            Assert.Equal(record.MediaType, download.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal(record.Name, download.Content.Headers.ContentDisposition?.FileNameStar);
            Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.StartsWith("sandbox;", download.Headers.GetValues("Content-Security-Policy").Single());
        }

        using var otherReport = await system.Api.SendAsync(HttpMethod.Get, system.Url, $"/api/v1/triage/reports/{Guid.NewGuid()}/files/{records[0].Id}", TestClients.Triager);
        Assert.Equal(HttpStatusCode.NotFound, otherReport.StatusCode);
    }

    [Fact]
    public async Task The_internal_evidence_endpoint_serves_a_held_file_only_with_a_token_of_the_evidence_scope()
    {
        var evidenceClient = new TestClient(EvidenceHandoverOptions.DefaultClientId, "evidence-secret-0123456789", Scopes.EvidenceRead);
        await using var system = await StandaloneSystem.StartAsync(Enabled(
            ("SafetyReports:Triage:EvidenceFiles:ClientSecret", evidenceClient.Secret),
            // Triage's own pulls ask for their token where nothing listens, so the files stay in Intake for this test to ask for.
            ("SafetyReports:Triage:EvidenceFiles:TokenUrl", $"http://127.0.0.1:{FreePort.Next()}/connect/token")));
        var log = ChatLog();
        var id = await SubmitAsync(system, EvidenceImages.Encode(8, 8, SkiaSharp.SKEncodedImageFormat.Png), log);
        var file = (await system.Get<ISubmissionStore>().FindReceiptAsync(id, TestContext.Current.CancellationToken))!.EvidenceFiles[1];
        var path = $"/internal/v1/evidence/{id}/{file.Id}";

        using var anonymous = await system.Api.SendAsync(HttpMethod.Get, system.Url, path);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var maintainer = await system.Api.SendAsync(HttpMethod.Get, system.Url, path, TestClients.Triager);
        Assert.Equal(HttpStatusCode.Forbidden, maintainer.StatusCode);

        using var pulled = await system.Api.SendAsync(HttpMethod.Get, system.Url, path, evidenceClient);
        Assert.Equal(HttpStatusCode.OK, pulled.StatusCode);
        Assert.Equal(log, await pulled.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal("application/octet-stream", pulled.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", pulled.Headers.GetValues("X-Content-Type-Options").Single());
        // Another report's file is not found through this one, nor an unknown file.
        using var unknown = await system.Api.SendAsync(HttpMethod.Get, system.Url, $"/internal/v1/evidence/{Guid.NewGuid()}/{file.Id}", evidenceClient);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.False(HandedOver(system, id));
    }

    [Fact(Timeout = 180_000)]
    public async Task Pulls_that_fail_and_a_restart_in_the_middle_still_end_with_every_file_stored_once()
    {
        // First Triage cannot get its token (nothing listens where it asks): every pull fails, nothing is stored in Triage.
        var system = await StandaloneSystem.StartAsync(Enabled(
            ("SafetyReports:Triage:EvidenceFiles:TokenUrl", $"http://127.0.0.1:{FreePort.Next()}/connect/token")));
        try
        {
            var id = await SubmitAsync(system, EvidenceImages.Encode(16, 16, SkiaSharp.SKEncodedImageFormat.Png), ChatLog());
            // Intake re-sent it (the first copy was not confirmed): the hand-over was tried and failed.
            await Eventually.UntilAsync(
                () => Task.FromResult(StoreInspector.Count(system.DataDirectory, SubmissionStoreFactory.SqliteFileName, $"id = '{id}' AND handover_attempts >= 2") == 1),
                Patience, "Intake to send the report again");
            Assert.Null(await system.Get<ITriageStore>().GetReportAsync(id, TestContext.Current.CancellationToken));
            Assert.Equal((2L, 0L), (EvidenceStores.HeldByIntake(system, id), EvidenceStores.HeldByTriage(system, id)));

            // Restarted with a working configuration: the re-sent hand-over completes, each file stored once.
            system = await system.RestartAsync(Enabled());
            await AssertHandedOverAsync(system, id);
        }
        finally
        {
            await system.DisposeAsync();
        }
    }
}
