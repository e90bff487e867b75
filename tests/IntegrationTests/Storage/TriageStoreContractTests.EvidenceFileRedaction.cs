using SafetyReports.Triage.Domain;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

public abstract partial class TriageStoreContractTests
{
    [Fact]
    public async Task A_file_redacted_away_leaves_the_store_and_the_reports_other_files_stay()
    {
        var store = await CreateStoreAsync();
        var (photoRecord, photo) = EvidenceFile("photo.jpg", "photo bytes"u8.ToArray());
        var (logRecord, log) = EvidenceFile("chat.jsonl", "{\"a\":1}\n"u8.ToArray());
        var report = NewReport(At(0)) with { EvidenceFiles = [photoRecord, logRecord] };
        Assert.True(await store.AddReportAsync(report, Audit(report.Id, "received", At(0)), [], [photo, log], Ct));

        var outcome = ReportRedaction.Apply(report, new RedactionRequest(null, [$"files/{photo.Id}"], report.Version), "admin", At(1));
        Assert.True(await store.RedactReportAsync(outcome.Report!, report.Version, outcome.Audit!, [], Ct));

        Assert.Null(await store.ReadEvidenceFileAsync(report.Id, photo.Id, Ct));
        Assert.Equal(log.Content, await store.ReadEvidenceFileAsync(report.Id, log.Id, Ct));
        Assert.Equal([logRecord], (await store.GetReportAsync(report.Id, Ct))!.EvidenceFiles);
    }
}
