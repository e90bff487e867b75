using System.Security.Cryptography;
using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>Evidence files pulled from Intake are stored with their report in one write, and read back by report.</summary>
public abstract partial class TriageStoreContractTests
{
    private static (EvidenceFileReference Record, EvidenceFileContent Content) EvidenceFile(string name, byte[] bytes)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var id = Guid.NewGuid();
        return (new EvidenceFileReference(id, name, "text/plain", bytes.Length, hash, hash), new EvidenceFileContent(id, bytes));
    }

    [Fact]
    public async Task A_report_is_stored_with_its_evidence_files_and_each_is_read_back_through_its_own_report_only()
    {
        var store = await CreateStoreAsync();
        var (logRecord, log) = EvidenceFile("chat.jsonl", "{\"a\":1}\n"u8.ToArray());
        var (notesRecord, notes) = EvidenceFile("notes.txt", "notes"u8.ToArray());
        var report = NewReport(At(0)) with { EvidenceFiles = [logRecord, notesRecord] };
        var other = NewReport(At(1));

        Assert.True(await store.AddReportAsync(report, Audit(report.Id, "received", At(0)), [], [log, notes], Ct));
        Assert.True(await store.AddReportAsync(other, Audit(other.Id, "received", At(1)), [], Ct));

        Assert.Equal([logRecord, notesRecord], (await store.GetReportAsync(report.Id, Ct))!.EvidenceFiles);
        Assert.Empty((await store.GetReportAsync(other.Id, Ct))!.EvidenceFiles);
        Assert.Equal(log.Content, await store.ReadEvidenceFileAsync(report.Id, log.Id, Ct));
        Assert.Equal(notes.Content, await store.ReadEvidenceFileAsync(report.Id, notes.Id, Ct));
        Assert.Null(await store.ReadEvidenceFileAsync(other.Id, log.Id, Ct));
        Assert.Null(await store.ReadEvidenceFileAsync(report.Id, Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task A_report_stored_again_with_its_files_writes_none_of_them_twice()
    {
        var store = await CreateStoreAsync();
        var (record, file) = EvidenceFile("chat.jsonl", "{\"a\":1}\n"u8.ToArray());
        var report = NewReport(At(0)) with { EvidenceFiles = [record] };
        Assert.True(await store.AddReportAsync(report, Audit(report.Id, "received", At(0)), [], [file], Ct));

        // A second copy of the hand-over pulled the same file again (it raced the first): refused whole, the first kept.
        Assert.False(await store.AddReportAsync(report, Audit(report.Id, "received-again", At(1)), [], [file with { Content = "other"u8.ToArray() }], Ct));

        Assert.Equal(file.Content, await store.ReadEvidenceFileAsync(report.Id, file.Id, Ct));
        Assert.Equal(["received"], (await store.GetAuditAsync(report.Id, Ct)).Select(a => a.Action));
    }
}
