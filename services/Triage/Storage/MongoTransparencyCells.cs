using MongoDB.Bson;
using MongoDB.Driver;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// The transparency counters on MongoDB: a document per (host, month) and per (host, month, model) whose
/// <c>counts</c> field maps <c>k{key}</c> to a count, changed with <c>$inc</c> in the transaction that changes
/// the report. Each report keeps its contribution on its document (<see cref="MongoReportDocument.Transparency"/>), and
/// the cells are always the sum of the contributions the reports keep: a change takes the kept one away (never one
/// recomputed with today's rules) and keeps the new one, in one transaction.
/// </summary>
/// <remarks>
/// When the rules change (<see cref="TransparencyOptions.CellsFingerprint"/>), or when no report keeps a contribution yet
/// (the cells of an earlier version are not used), reports are recomputed in batches, each in its own transaction with
/// the cells' deltas and a version check: replicas that write meanwhile conflict and retry, nothing is deleted and
/// nothing is counted twice. No lock, no refill from scratch.
/// </remarks>
public sealed class MongoTransparencyCells(IMongoDatabase database, TransparencyOptions options)
{
    public const string HostsCollection = "transparencyHostCells";
    public const string ModelsCollection = "transparencyModelCells";

    /// <summary>The cells before reports kept their contributions: never read again, dropped at start.</summary>
    public static readonly IReadOnlyList<string> FormerCollections = ["transparencyHosts", "transparencyModels"];

    /// <summary>How many reports one recomputing transaction takes.</summary>
    public const int RecountBatch = 100;

    private const string MetaId = "transparencyCells";

    private readonly IMongoCollection<BsonDocument> _hosts = database.GetCollection<BsonDocument>(HostsCollection);
    private readonly IMongoCollection<BsonDocument> _models = database.GetCollection<BsonDocument>(ModelsCollection);

    public string Fingerprint => options.CellsFingerprint;

    public TransparencyContribution Contribution(Report report) => TransparencyContribution.For(report, options.AcknowledgementSla);

    /// <summary>The contribution as the report's document keeps it, under the current rules.</summary>
    public MongoTransparencyContributionDocument Kept(TransparencyContribution contribution) =>
        MongoTransparencyContributionDocument.From(contribution, Fingerprint);

    public static IReadOnlyList<(string Collection, CreateIndexModel<BsonDocument> Index)> Indexes { get; } =
    [
        (HostsCollection, new(new BsonDocument { { "month", 1 }, { "host", 1 } }, new CreateIndexOptions { Name = "ux_cells_month_host", Unique = true })),
        (ModelsCollection, new(new BsonDocument { { "host", 1 }, { "month", 1 }, { "model", 1 } }, new CreateIndexOptions { Name = "ux_cells_host_month_model", Unique = true })),
    ];

    /// <summary>Reports whose kept contribution was computed under other rules than <paramref name="fingerprint"/>, or who keep none.</summary>
    public static FilterDefinition<MongoReportDocument> NotCountedUnder(string fingerprint, Guid? after) =>
        after is { } id
            ? Builders<MongoReportDocument>.Filter.Ne(d => d.Transparency!.Fingerprint, fingerprint) & Builders<MongoReportDocument>.Filter.Gt(d => d.Id, id)
            : Builders<MongoReportDocument>.Filter.Ne(d => d.Transparency!.Fingerprint, fingerprint);

    public async Task EnsureAsync(IMongoCollection<MongoReportDocument> reports, CancellationToken cancellationToken)
    {
        foreach (var (collection, index) in Indexes)
        {
            await database.GetCollection<BsonDocument>(collection).Indexes.CreateOneAsync(index, cancellationToken: cancellationToken);
        }

        foreach (var former in FormerCollections)
        {
            await database.DropCollectionAsync(former, cancellationToken);
        }

        var meta = database.GetCollection<BsonDocument>(MongoDeadlines.MetaCollection);
        var recorded = await meta.Find(new BsonDocument("_id", MetaId)).FirstOrDefaultAsync(cancellationToken);
        if (recorded?["value"].AsString == Fingerprint)
        {
            return;
        }

        // Each report once, in _id order: one that a replica with other rules writes meanwhile is not chased for ever.
        Guid? after = null;
        while (await RecountBatchAsync(reports, after, cancellationToken) is { } last)
        {
            after = last;
        }

        await meta.ReplaceOneAsync(new BsonDocument("_id", MetaId), new BsonDocument { { "_id", MetaId }, { "value", Fingerprint } },
            new ReplaceOptions { IsUpsert = true }, cancellationToken);
    }

    /// <summary>
    /// In one transaction: up to <see cref="RecountBatch"/> reports after <paramref name="after"/> get their contribution under
    /// the current rules, and the cells move from what each kept to that. Returns the last report's id, or null when none was left.
    /// </summary>
    private Task<Guid?> RecountBatchAsync(IMongoCollection<MongoReportDocument> reports, Guid? after, CancellationToken cancellationToken) =>
        MongoTransactions.RunAsync(database.Client, async (session, ct) =>
        {
            var batch = await reports.Find(session, NotCountedUnder(Fingerprint, after))
                .Sort(Builders<MongoReportDocument>.Sort.Ascending(d => d.Id)).Limit(RecountBatch).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return (Guid?)null;
            }

            var deltas = new CellDeltas();
            foreach (var document in batch)
            {
                var next = Contribution(document.ToReport());
                if (document.Transparency is { } kept)
                {
                    deltas.Add(kept.ToContribution(), -1);
                }

                deltas.Add(next, 1);
                var recorded = await reports.UpdateOneAsync(session, MongoTriageFilters.AtVersion(document.Id, document.Version),
                    Builders<MongoReportDocument>.Update.Set(d => d.Transparency, Kept(next)), cancellationToken: ct);
                if (recorded.MatchedCount != 1)
                {
                    throw new MongoConflictException($"Report {document.Id} changed while its transparency contribution was recomputed.");
                }
            }

            await WriteAsync(session, Updates(deltas), ct);
            return batch[^1].Id;
        }, cancellationToken);

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

    private async Task WriteAsync(IClientSessionHandle session, IEnumerable<(bool Model, BsonDocument Filter, BsonDocument Update)> updates, CancellationToken cancellationToken)
    {
        var options = new UpdateOptions { IsUpsert = true };
        foreach (var (model, filter, update) in updates)
        {
            await (model ? _models : _hosts).UpdateOneAsync(session, filter, update, options, cancellationToken);
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
