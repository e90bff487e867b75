using MongoDB.Bson;
using MongoDB.Driver;
using SafetyReports.Intake.Storage;
using SafetyReports.Notification.Storage;
using SafetyReports.Portal.Auth;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Storage;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>
/// Every store's MongoDB migrations on a real server: a new database gets every step and its version, a second start runs
/// nothing, a database the release before the record made (its first step, no record) is brought up to date, and a record
/// newer than the code stops the start. Runs when <c>MONGODB_URI</c> names a replica set; skipped, with the reason, otherwise.
/// </summary>
public sealed class MongoMigrationsContractTests : IAsyncDisposable
{
    private static readonly Dictionary<string, MongoMigrations> Stores = new[]
    {
        MongoIntakeIndexes.Migrations, MongoRateCounterFilters.Migrations, MongoTriageIndexes.Migrations,
        MongoNotificationIndexes.Migrations, MongoSessionFilters.Migrations,
    }.ToDictionary(m => m.Store);

    private MongoTestDatabase? _database;

    public static TheoryData<string> StoreNames() => [.. Stores.Keys];

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(StoreNames))]
    public async Task A_new_database_gets_every_step_once_and_records_the_last(string store)
    {
        _database = MongoTestDatabase.Create();
        var migrations = Stores[store];

        Assert.Equal(migrations.Steps.Select(s => s.Version), await migrations.RunAsync(_database.Database, Ct));
        Assert.Empty(await migrations.RunAsync(_database.Database, Ct));

        Assert.Equal(migrations.Steps.Count, await migrations.RecordedVersionAsync(_database.Database, Ct));
    }

    [Fact]
    public async Task A_database_from_before_the_record_keeps_its_documents_and_gains_the_later_steps()
    {
        _database = MongoTestDatabase.Create();
        var migrations = MongoTriageIndexes.Migrations;
        await migrations.Steps[0].Apply(_database.Database, Ct);
        var reports = _database.Database.GetCollection<BsonDocument>(MongoTriageStore.ReportsCollection);
        await reports.InsertOneAsync(new BsonDocument { { "_id", "kept" }, { "receivedAt", DateTime.UtcNow } }, cancellationToken: Ct);

        Assert.Equal(Enumerable.Range(1, migrations.Steps.Count), await migrations.RunAsync(_database.Database, Ct));

        Assert.Equal(1, await reports.CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty, cancellationToken: Ct));
        var names = await (await reports.Indexes.ListAsync(Ct)).ToListAsync(Ct);
        Assert.Equal(
            MongoTriageIndexes.Reports.Select(i => i.Options.Name).Append("_id_").Order(StringComparer.Ordinal),
            names.Select(i => i["name"].AsString).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Audit_entries_from_before_the_transparency_log_get_their_leaves_and_a_second_run_changes_nothing()
    {
        _database = MongoTestDatabase.Create();
        var migrations = MongoTriageIndexes.Migrations;
        await migrations.Steps[0].Apply(_database.Database, Ct);
        var first = AuditChain.Link(new AuditDraft(Guid.NewGuid(), DateTimeOffset.UtcNow, "intake", "received", "{}"), 1, AuditChain.GenesisHash);
        var second = AuditChain.Link(new AuditDraft(first.ReportId, DateTimeOffset.UtcNow, "alice", "transition", "{}"), 2, first.Hash);
        var entries = _database.Database.GetCollection<MongoAuditEntryDocument>(MongoTriageStore.AuditCollection);
        await entries.InsertManyAsync([.. new[] { first, second }.Select(e => MongoAuditEntryDocument.From(e)).Select(d => { d.Leaf = null; return d; })],
            cancellationToken: Ct);

        await migrations.RunAsync(_database.Database, Ct);
        var stored = await entries.Find(FilterDefinition<MongoAuditEntryDocument>.Empty).SortBy(d => d.Sequence).ToListAsync(Ct);
        Assert.Equal(new[] { first, second }.Select(SafetyReports.Triage.TransparencyLog.LogLeaf.HashOf).Select(Convert.ToHexString), stored.Select(d => Convert.ToHexString(d.Leaf!)));
        await migrations.Steps[3].Apply(_database.Database, Ct);
        Assert.Equal(stored.Select(d => Convert.ToHexString(d.Leaf!)),
            (await entries.Find(FilterDefinition<MongoAuditEntryDocument>.Empty).SortBy(d => d.Sequence).ToListAsync(Ct)).Select(d => Convert.ToHexString(d.Leaf!)));
    }

    [Fact]
    public async Task Routes_keyed_by_report_move_to_the_routes_per_host_once_and_a_second_run_changes_nothing()
    {
        _database = MongoTestDatabase.Create();
        var migrations = MongoNotificationIndexes.Migrations;
        foreach (var step in migrations.Steps.Where(s => s.Version < 7))
        {
            await step.Apply(_database.Database, Ct);
        }

        var reportId = Guid.NewGuid();
        var old = _database.Database.GetCollection<BsonDocument>(MongoNotificationStore.RoutesBeforeModelIdentityCollection);
        await old.InsertOneAsync(new BsonDocument
        {
            { "_id", new BsonBinaryData(reportId, GuidRepresentation.Standard) }, { "hostId", "huggingface" }, { "modelId", "org/model" },
            { "firstEventAt", DateTime.UtcNow }, { "acknowledgedAt", BsonNull.Value }, { "acknowledgementNote", "seen" },
        }, cancellationToken: Ct);

        await migrations.Steps.Single(s => s.Version == 7).Apply(_database.Database, Ct);
        await migrations.Steps.Single(s => s.Version == 7).Apply(_database.Database, Ct);

        var store = new MongoNotificationStore(_database.Database);
        var route = await store.GetRouteAsync(reportId, "huggingface", Ct);
        Assert.Equal(("org/model", "seen", SafetyReports.Notification.Domain.RouteVia.Report), (route!.ModelId, route.AcknowledgementNote, route.Via));
        Assert.Single(await store.GetRoutesOfReportAsync(reportId, Ct));
        var names = await (await _database.Database.ListCollectionNamesAsync(cancellationToken: Ct)).ToListAsync(Ct);
        Assert.DoesNotContain(MongoNotificationStore.RoutesBeforeModelIdentityCollection, names);
    }

    [Fact]
    public async Task A_record_newer_than_the_code_stops_the_start_and_runs_nothing()
    {
        _database = MongoTestDatabase.Create();
        await _database.Database.GetCollection<MongoSchemaVersionDocument>(MongoMigrations.CollectionName)
            .InsertOneAsync(new MongoSchemaVersionDocument { Store = "notification", Version = 9, Name = "from the future", AppliedAt = DateTime.UtcNow }, cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => MongoNotificationIndexes.Migrations.RunAsync(_database.Database, Ct));

        Assert.Contains("has schema version 9, newer than this release knows", error.Message);
        using var collections = await _database.Database.ListCollectionNamesAsync(cancellationToken: Ct);
        Assert.Equal([MongoMigrations.CollectionName], await collections.ToListAsync(Ct));
    }
}
