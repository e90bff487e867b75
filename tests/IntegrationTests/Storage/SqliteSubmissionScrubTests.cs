using SafetyReports.Contracts;
using SafetyReports.Intake.Domain;
using SafetyReports.Intake.Storage;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>
/// Intake keeps a report's text only until Triage confirms it. On SQLite the dropped text must then also leave
/// the files (zeroed as it is deleted, and the write-ahead log emptied by the scrub), so a text an admin later
/// redacts in Triage is not still readable in Intake's files.
/// </summary>
public sealed class SqliteSubmissionScrubTests : IDisposable
{
    private const string Typed = "Philomena.Quasthoff@example.org";
    private readonly TempSqliteFile _file = new(SubmissionStoreFactory.SqliteFileName);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task A_payload_dropped_after_hand_over_is_in_no_byte_of_the_files_after_the_scrub()
    {
        await using var store = new SqliteSubmissionStore(_file.Path);
        var receivedAt = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
        // Long enough to spill into overflow pages, which a delete frees rather than rewrites.
        var padding = string.Concat(Enumerable.Repeat("The model explains the jailbreak at length. ", 200));
        var typed = await AddAsync(store, receivedAt, $"Reach me at {Typed}. {padding}");
        for (var i = 0; i < 20; i++)
        {
            await AddAsync(store, receivedAt.AddMinutes(i + 1), $"Neighbour {i}. {padding}");
        }

        Assert.NotEmpty(Traces());
        await store.ConfirmHandoverAsync(typed, receivedAt.AddMinutes(30), Ct);

        Assert.True(await store.ScrubDeletedAsync(Ct));
        var traces = Traces();
        Assert.True(traces.Count == 0, string.Join("; ", traces));
    }

    private static async Task<Guid> AddAsync(SqliteSubmissionStore store, DateTimeOffset receivedAt, string description)
    {
        var id = Guid.NewGuid();
        var payload = new ReportSubmitted(
            id, receivedAt, new ModelReference("huggingface", "org/model"), "privacy", "high", "Leaks an address", description,
            [new EvidenceItem("prompt", description[..Math.Min(description.Length, 60)])], "protected-contact", true);
        var result = await store.AddAsync(new Submission(id, receivedAt, "token-hash-" + id.ToString("N"), payload), null, Ct);
        Assert.NotNull(result);
        return id;
    }

    /// <summary>Files of the store's folder holding a distinctive part of the typed address, in any case.</summary>
    private List<string> Traces() => FileTraces.Find(Path.GetDirectoryName(_file.Path)!, "Quasthoff", "quasthoff", "Philomena");
}
