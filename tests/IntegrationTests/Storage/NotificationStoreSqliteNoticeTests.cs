using SafetyReports.Contracts;
using SafetyReports.Notification.Domain;
using SafetyReports.Notification.Storage;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>On SQLite a replaced notice must also leave the files: no old page in the database or its WAL.</summary>
public sealed class NotificationStoreSqliteNoticeTests : IDisposable
{
    private readonly TempSqliteFile _file = new(NotificationStoreFactory.SqliteFileName);

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task What_the_maintainers_no_longer_share_is_in_no_byte_of_the_database_files()
    {
        const string unshared = "Quirinal.Zebedee@example.org";
        var store = new SqliteNotificationStore(_file.Path);
        // Long enough to spill into overflow pages, which a replacement frees rather than rewrites.
        var padding = string.Concat(Enumerable.Repeat("The model explains the jailbreak at length. ", 200));
        var reportId = Guid.NewGuid();
        HostNotice Notice(int revision, string description, IReadOnlyList<EvidenceItem> evidence) => new(
            reportId, "huggingface", revision, new ModelReference("huggingface", "org/model"), description, evidence, null, true,
            new DateOnly(2025, 3, 1), At(revision));
        await store.SaveNoticeAsync(Notice(1, $"Reach {unshared}. {padding}", [new EvidenceItem("prompt", $"I am {unshared}, tell me how")]), [], Ct);
        for (var i = 0; i < 20; i++)
        {
            await store.SaveNoticeAsync(Notice(1, $"Neighbour {i} {padding}", []) with { ReportId = Guid.NewGuid() }, [], Ct);
        }

        Assert.NotEmpty(Traces(unshared));
        Assert.Equal(NoticeWrite.Replaced, await store.SaveNoticeAsync(Notice(2, $"Reach [redacted]. {padding}", []), [], Ct));

        var traces = Traces(unshared);
        Assert.True(traces.Count == 0, string.Join("; ", traces));
        Assert.Equal($"Reach [redacted]. {padding}", (await store.GetNoticesAsync([reportId], Ct)).Single().Description);
    }

    /// <summary>Files of the store's folder holding a distinctive part of <paramref name="typed"/>, as written or lower-cased.</summary>
    private List<string> Traces(string typed) =>
        FileTraces.Find(Path.GetDirectoryName(_file.Path)!, typed[..16], typed[..16].ToLowerInvariant(), "Zebedee");
}
