using SafetyReports.Contracts;
using SafetyReports.Intake.Domain;
using SafetyReports.Intake.Storage;
using SafetyReports.ServiceDefaults.Messaging;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>An Intake database made before host responses reached Intake keeps its receipts and gains the new columns.</summary>
public sealed class IntakeStoreSqliteMigrationTests : IDisposable
{
    /// <summary>The submissions table as the release before host responses wrote it (the other tables have not changed).</summary>
    private const string EarlierSubmissions = """
        CREATE TABLE submissions (
            id TEXT PRIMARY KEY, received_at INTEGER NOT NULL, token_hash TEXT NOT NULL, status TEXT NOT NULL,
            status_version INTEGER NOT NULL, updated_at INTEGER NOT NULL, public_notes TEXT NOT NULL, payload TEXT,
            handed_over_at INTEGER, next_handover_at INTEGER, handover_attempts INTEGER NOT NULL DEFAULT 0, trace_parent TEXT);
        """;

    private readonly TempSqliteFile _file = new(SubmissionStoreFactory.SqliteFileName);

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task An_earlier_database_keeps_its_receipts_and_they_take_responses_and_contests()
    {
        var id = Guid.NewGuid();
        using (var connection = _file.Open())
        {
            using var command = connection.CreateCommand();
            command.CommandText = EarlierSubmissions + $$"""
                INSERT INTO submissions (id, received_at, token_hash, status, status_version, updated_at, public_notes, handed_over_at)
                VALUES ('{{id}}', {{At(0).ToUnixTimeMilliseconds()}}, 'token-hash', 'host_notified', 4, {{At(5).ToUnixTimeMilliseconds()}},
                    '[{"at":"{{At(3):O}}","text":"We told the host.","version":3}]', {{At(1).ToUnixTimeMilliseconds()}});
                """;
            command.ExecuteNonQuery();
        }

        await using var store = new SqliteSubmissionStore(_file.Path);

        var receipt = await store.FindReceiptAsync(id, Ct);
        Assert.Equal((ReportStatuses.HostNotified, 4L, At(5), At(1)), (receipt!.Status, receipt.StatusVersion, receipt.UpdatedAt, receipt.HandedOverAt));
        Assert.Equal("We told the host.", Assert.Single(receipt.PublicNotes).Text);
        Assert.Null(receipt.HostResponse);
        Assert.Empty(receipt.Contests);

        var response = new ReceiptHostResponse("hub-a", 1, HostResponseActions.NoAction, null, null, "Not a breach", null, null, null, null, null, null, false, null, At(10));
        await store.ApplyHostResponseAsync(id, response, Ct);
        var contest = ContestRules.Open(id, response, At(11));
        var message = OutboxMessage.For(new ReporterContested(id, contest.Id, "hub-a", 1, "It is a breach.", At(11)), At(11));
        Assert.Equal(ContestOutcome.Accepted, await store.AddContestAsync(id, contest, message, Ct));

        // Opening it again finds every column present and changes nothing.
        await using var reopened = new SqliteSubmissionStore(_file.Path);
        receipt = await reopened.FindReceiptAsync(id, Ct);
        SameJson(response, receipt!.HostResponse);
        Assert.Equal([contest], receipt.Contests);
    }
}
