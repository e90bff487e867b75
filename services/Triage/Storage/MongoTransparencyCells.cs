using System.Globalization;
using MongoDB.Bson;
using MongoDB.Driver;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Transparency;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// The transparency counters on MongoDB: a document per (host, month) and per (host, month, model) whose
/// <c>counts</c> field maps <c>k{key}</c> to a count, changed with <c>$inc</c> in the transaction that changes
/// the report. A report's previous contribution is computed from the document the replace returns.
/// </summary>
public sealed class MongoTransparencyCells(IMongoDatabase database, TransparencyOptions options)
{
    public const string HostsCollection = "transparencyHosts";
    public const string ModelsCollection = "transparencyModels";

    private readonly IMongoCollection<BsonDocument> _hosts = database.GetCollection<BsonDocument>(HostsCollection);
    private readonly IMongoCollection<BsonDocument> _models = database.GetCollection<BsonDocument>(ModelsCollection);

    public TransparencyContribution Contribution(Report report) => TransparencyContribution.For(report, options.AcknowledgementSla);

    public static IReadOnlyList<(string Collection, CreateIndexModel<BsonDocument> Index)> Indexes { get; } =
    [
        (HostsCollection, new(new BsonDocument { { "month", 1 }, { "host", 1 } }, new CreateIndexOptions { Name = "ux_cells_month_host", Unique = true })),
        (ModelsCollection, new(new BsonDocument { { "host", 1 }, { "month", 1 }, { "model", 1 } }, new CreateIndexOptions { Name = "ux_cells_host_month_model", Unique = true })),
    ];

    public async Task EnsureAsync(IMongoCollection<MongoReportDocument> reports, CancellationToken cancellationToken)
    {
        foreach (var (collection, index) in Indexes)
        {
            await database.GetCollection<BsonDocument>(collection).Indexes.CreateOneAsync(index, cancellationToken: cancellationToken);
        }

        var meta = database.GetCollection<BsonDocument>(MongoDeadlines.MetaCollection);
        var fingerprint = options.CellsFingerprint;
        var recorded = await meta.Find(new BsonDocument("_id", "transparency")).FirstOrDefaultAsync(cancellationToken);
        if (recorded?["value"].AsString == fingerprint)
        {
            return;
        }

        // Refilled from the reports when the rules or the acknowledgement SLA changed (or the cells are new).
        await _hosts.DeleteManyAsync(FilterDefinition<BsonDocument>.Empty, cancellationToken);
        await _models.DeleteManyAsync(FilterDefinition<BsonDocument>.Empty, cancellationToken);
        var deltas = new CellDeltas();
        await reports.Find(FilterDefinition<MongoReportDocument>.Empty).ForEachAsync(
            d => deltas.Add(Contribution(d.ToReport()), 1), cancellationToken);
        foreach (var batch in Updates(deltas).Chunk(1000))
        {
            await WriteAsync(null, batch, cancellationToken);
        }

        await meta.ReplaceOneAsync(new BsonDocument("_id", "transparency"), new BsonDocument { { "_id", "transparency" }, { "value", fingerprint } },
            new ReplaceOptions { IsUpsert = true }, cancellationToken);
    }

    /// <summary>Inside the report's transaction: moves its contribution from <paramref name="previous"/> to <paramref name="next"/>.</summary>
    public Task ApplyAsync(IClientSessionHandle session, TransparencyContribution? previous, TransparencyContribution next, CancellationToken cancellationToken) =>
        WriteAsync(session, Updates(CellDeltas.Moving(previous, next)), cancellationToken);

    /// <summary>The <c>$inc</c> upserts for the cells' deltas (rendered for tests).</summary>
    public static IEnumerable<(bool Model, BsonDocument Filter, BsonDocument Update)> Updates(CellDeltas deltas)
    {
        foreach (var ((host, model, month), delta) in deltas.Cells)
        {
            if (delta.Counts.Count == 0)
            {
                continue;
            }

            var filter = new BsonDocument { { "host", host }, { "month", month } };
            if (model is not null)
            {
                filter["model"] = model;
            }

            var increments = new BsonDocument();
            foreach (var (key, count) in delta.Counts.OrderBy(c => c.Key))
            {
                increments[$"counts.k{key.ToString(CultureInfo.InvariantCulture)}"] = count;
            }

            yield return (model is not null, filter, new BsonDocument("$inc", increments));
        }
    }

    private async Task WriteAsync(IClientSessionHandle? session, IEnumerable<(bool Model, BsonDocument Filter, BsonDocument Update)> updates, CancellationToken cancellationToken)
    {
        var options = new UpdateOptions { IsUpsert = true };
        foreach (var (model, filter, update) in updates)
        {
            var collection = model ? _models : _hosts;
            if (session is null)
            {
                await collection.UpdateOneAsync(filter, update, options, cancellationToken);
            }
            else
            {
                await collection.UpdateOneAsync(session, filter, update, options, cancellationToken);
            }
        }
    }

    /// <summary>The filter of one read: a period of hosts, or a period of one host's models.</summary>
    public static BsonDocument ReadFilter(string? host, TransparencyPeriod period)
    {
        var filter = new BsonDocument("month", new BsonDocument { { "$gte", period.From }, { "$lte", period.To } });
        if (host is not null)
        {
            filter["host"] = host;
        }

        return filter;
    }

    public async Task ReadAsync(IClientSessionHandle session, string? host, TransparencyPeriod period, TransparencyTallies tallies, CancellationToken cancellationToken)
    {
        var collection = host is null ? _hosts : _models;
        await collection.Find(session, ReadFilter(host, period)).ForEachAsync(document =>
        {
            var cell = new CounterTally();
            foreach (var element in document.GetValue("counts", new BsonDocument()).AsBsonDocument)
            {
                cell.Add(int.Parse(element.Name.AsSpan(1), CultureInfo.InvariantCulture), element.Value.ToInt64());
            }

            tallies.Add(document["host"].AsString, host is null ? null : document["model"].AsString, document["month"].ToInt32(), cell);
        }, cancellationToken);
    }
}
