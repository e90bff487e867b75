using MongoDB.Driver;

namespace SafetyReports.Triage.Storage;

/// <summary>The audit chain on MongoDB: entries keyed by sequence and the head document that serialises appends.</summary>
public sealed class MongoAuditLog(IMongoDatabase database)
{
    private readonly IMongoCollection<MongoAuditEntryDocument> _entries =
        database.GetCollection<MongoAuditEntryDocument>(MongoTriageStore.AuditCollection);

    private readonly IMongoCollection<MongoAuditHeadDocument> _heads =
        database.GetCollection<MongoAuditHeadDocument>(MongoTriageStore.AuditHeadCollection);

    /// <summary>
    /// Creates the head if it is missing: at genesis for an empty chain, else at the last entry (a head
    /// lost by hand must not restart the chain at 1). Two processes starting together both try; one insert wins.
    /// </summary>
    public async Task EnsureHeadAsync(CancellationToken cancellationToken)
    {
        if (await _heads.Find(h => h.Id == MongoAuditHeadDocument.ChainId).AnyAsync(cancellationToken))
        {
            return;
        }

        var last = await _entries.Find(FilterDefinition<MongoAuditEntryDocument>.Empty)
            .SortByDescending(e => e.Sequence).Limit(1).FirstOrDefaultAsync(cancellationToken);
        var head = last is null
            ? MongoAuditHeadDocument.Genesis()
            : new MongoAuditHeadDocument { Id = MongoAuditHeadDocument.ChainId, Sequence = last.Sequence, Hash = last.Hash };
        try
        {
            await _heads.InsertOneAsync(head, cancellationToken: cancellationToken);
        }
        catch (MongoWriteException ex) when (ex.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
        }
    }

    /// <summary>
    /// Links <paramref name="draft"/> after the head and moves the head, inside the caller's transaction.
    /// A concurrent append makes the head update a write conflict (retried by the driver with the whole
    /// transaction) or, should the snapshot ever let it through, a failed compare-and-swap (retried by
    /// <see cref="ServiceDefaults.Storage.Mongo.MongoTransactions"/>): never a fork.
    /// </summary>
    /// <returns>The entry as linked, for what the caller writes with it (<see cref="TransparencyLog.HostLeafAnnouncement"/>).</returns>
    public async Task<AuditEntry> AppendAsync(IClientSessionHandle session, AuditDraft draft, CancellationToken cancellationToken)
    {
        var head = await _heads.Find(session, h => h.Id == MongoAuditHeadDocument.ChainId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException("The audit chain head is missing; the store was not set up.");
        var entry = AuditChain.Link(draft, head.Sequence + 1, head.Hash);
        var moved = await _heads.UpdateOneAsync(
            session,
            MongoTriageFilters.HeadUnchanged(head),
            Builders<MongoAuditHeadDocument>.Update.Set(h => h.Sequence, entry.Sequence).Set(h => h.Hash, entry.Hash),
            cancellationToken: cancellationToken);
        if (moved.MatchedCount != 1)
        {
            throw new ServiceDefaults.Storage.Mongo.MongoConflictException("The audit chain head moved during the append.");
        }

        await _entries.InsertOneAsync(session, MongoAuditEntryDocument.From(entry), cancellationToken: cancellationToken);
        return entry;
    }

    public async Task<IReadOnlyList<AuditEntry>> ForReportAsync(Guid reportId, CancellationToken cancellationToken)
    {
        var documents = await _entries.Find(MongoTriageFilters.AuditOf(reportId))
            .Sort(MongoTriageFilters.ChainOrder).ToListAsync(cancellationToken);
        return documents.Select(d => d.ToEntry()).ToList();
    }

    /// <summary>
    /// The leaf hashes from leaf <paramref name="from"/> (entry <c>from + 1</c>), only as a majority has committed them; an entry that an older replica appended
    /// during an upgrade without its leaf gets the leaf computed from it, the same the migration writes.
    /// </summary>
    public async Task<IReadOnlyList<byte[]>> ReadLeavesAsync(long from, int max, CancellationToken cancellationToken)
    {
        // Majority read concern: a checkpoint is signed over what it reads, and a leaf a fail-over could roll back would
        // make the next checkpoint look like a fork.
        var documents = await _entries.WithReadConcern(ReadConcern.Majority).Find(MongoTriageFilters.AuditAfter(from))
            .Sort(MongoTriageFilters.ChainOrder).Limit(max).ToListAsync(cancellationToken);
        return documents.Select(d => d.Leaf ?? TransparencyLog.LogLeaf.HashOf(d.ToEntry())).ToList();
    }

    /// <summary>
    /// Writes the leaf of every entry that lacks one, computed from the entry alone: safe to run again and on several
    /// replicas at once (an entry that has its leaf is not matched, and every run computes the same leaf).
    /// </summary>
    public static async Task BackfillLeavesAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        var entries = database.GetCollection<MongoAuditEntryDocument>(MongoTriageStore.AuditCollection);
        using var cursor = await entries.Find(MongoTriageFilters.WithoutLeaf).Sort(MongoTriageFilters.ChainOrder).ToCursorAsync(cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            var updates = cursor.Current.Select(d => new UpdateOneModel<MongoAuditEntryDocument>(
                MongoTriageFilters.AuditEntryWithoutLeaf(d.Sequence),
                Builders<MongoAuditEntryDocument>.Update.Set(e => e.Leaf, TransparencyLog.LogLeaf.HashOf(d.ToEntry())))).ToList();
            if (updates.Count > 0)
            {
                await entries.BulkWriteAsync(updates, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
            }
        }
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadChainAsync(long afterSequence, int max, CancellationToken cancellationToken)
    {
        var documents = await _entries.Find(MongoTriageFilters.AuditAfter(afterSequence))
            .Sort(MongoTriageFilters.ChainOrder).Limit(max).ToListAsync(cancellationToken);
        return documents.Select(d => d.ToEntry()).ToList();
    }
}
