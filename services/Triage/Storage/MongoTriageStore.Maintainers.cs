using MongoDB.Driver;

namespace SafetyReports.Triage.Storage;

/// <summary>The maintainers' notification choices (one document per maintainer) and their digest items.</summary>
public sealed partial class MongoTriageStore
{
    /// <summary>The digest items' indexes: unsent ones by maintainer and time, sent ones by when (for pruning).</summary>
    public static IReadOnlyList<CreateIndexModel<MaintainerDigestItem>> DigestIndexes { get; } =
    [
        new(Builders<MaintainerDigestItem>.IndexKeys.Ascending(d => d.SentAt).Ascending(d => d.Maintainer).Ascending(d => d.At),
            new CreateIndexOptions { Name = "sentAt_maintainer_at" }),
    ];

    public async Task<MaintainerNotifications?> GetMaintainerNotificationsAsync(string maintainer, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        return await _notifications.Find(d => d.Maintainer == maintainer).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task SaveMaintainerNotificationsAsync(MaintainerNotifications preferences, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        await _notifications.ReplaceOneAsync(d => d.Maintainer == preferences.Maintainer, preferences, new ReplaceOptions { IsUpsert = true }, cancellationToken);
    }

    public async Task<IReadOnlyList<MaintainerNotifications>> ListMaintainerNotificationsAsync(CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        var all = await _notifications.Find(FilterDefinition<MaintainerNotifications>.Empty).SortBy(d => d.Maintainer).ToListAsync(cancellationToken);
        return all.Where(p => p.WantsAny).ToList();
    }

    public async Task AddDigestItemAsync(MaintainerDigestItem item, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        try
        {
            await _digest.InsertOneAsync(item with { SentAt = null }, cancellationToken: cancellationToken);
        }
        catch (MongoWriteException e) when (e.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            // Seen before (sent or not): listed once.
        }
    }

    public async Task<IReadOnlyList<MaintainerDigestItem>> UnsentDigestItemsAsync(DateTimeOffset before, int max, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        return await _digest.Find(d => d.SentAt == null && d.At < before)
            .SortBy(d => d.Maintainer).ThenBy(d => d.At).ThenBy(d => d.Id).Limit(max).ToListAsync(cancellationToken);
    }

    public async Task DigestQueuedAsync(
        QueuedMail? digest, IReadOnlyList<Guid> itemIds, DateTimeOffset sentAt, DateTimeOffset pruneSentBefore, CancellationToken cancellationToken)
    {
        // The mail outbox takes no session: the mail first, then the items; a retry finds the mail queued (same id).
        if (digest is not null)
        {
            await QueueMailAsync(digest, cancellationToken);
        }
        else
        {
            await EnsureSetUpAsync(cancellationToken);
        }

        if (itemIds.Count > 0)
        {
            await _digest.UpdateManyAsync(d => itemIds.Contains(d.Id) && d.SentAt == null,
                Builders<MaintainerDigestItem>.Update.Set(d => d.SentAt, sentAt), cancellationToken: cancellationToken);
        }

        await _digest.DeleteManyAsync(d => d.SentAt != null && d.SentAt < pruneSentBefore, cancellationToken);
    }
}
