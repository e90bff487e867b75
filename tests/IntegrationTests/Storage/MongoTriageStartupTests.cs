using MongoDB.Driver;
using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Storage;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>
/// What a MongoDB Triage store does to data an earlier version left, at its first operation. Runs when <c>MONGODB_URI</c>
/// names a replica set; skipped, with the reason, otherwise.
/// </summary>
public sealed class MongoTriageStartupTests : IAsyncDisposable
{
    private MongoTestDatabase? _database;

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_closed_report_without_a_close_time_gets_one_and_a_new_version_so_a_stale_writer_cannot_wipe_it()
    {
        _database = MongoTestDatabase.Create();
        var closed = new Report
        {
            Id = Guid.NewGuid(), Status = ReportStatuses.Rejected, Version = 3, Model = new ModelReference("hub", "org/model"), Category = "privacy",
            Severity = "medium", Title = "Rejected long ago", Description = "plain", ProtectedContact = "sealed", ReceivedAt = At(0), UpdatedAt = At(50),
        };
        // As an earlier version stored it: no close time, no transparency contribution kept.
        await _database.Database.GetCollection<MongoReportDocument>(MongoTriageStore.ReportsCollection)
            .InsertOneAsync(MongoReportDocument.From(closed), cancellationToken: Ct);

        var store = new MongoTriageStore(_database.Database);
        var backfilled = (await store.GetReportAsync(closed.Id, Ct))!;

        Assert.Equal(At(50), backfilled.ClosedAt);
        Assert.True(backfilled.Version > closed.Version);
        Assert.False(await store.UpdateReportAsync(closed with { Title = "Stale", Version = closed.Version + 1 }, closed.Version,
            new AuditDraft(closed.Id, At(60), "ana", "edit", "{}"), [], Ct));
        Assert.Equal([closed.Id], await store.ContactPurgeDueAsync(At(100), 10, Ct));
    }
}
