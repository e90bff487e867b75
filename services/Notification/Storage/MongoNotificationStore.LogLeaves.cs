using MongoDB.Driver;

namespace SafetyReports.Notification.Storage;

public sealed partial class MongoNotificationStore
{
    /// <summary>An upsert that only inserts: a leaf kept is never changed, and two replicas writing it at once keep one.</summary>
    public async Task AddLogLeafAsync(HostLogLeaf leaf, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        var document = MongoLogLeafDocument.From(leaf);
        try
        {
            await _logLeaves.UpdateOneAsync(
                MongoNotificationFilters.LogLeafKey(document.Id), MongoNotificationFilters.InsertIfAbsent(document),
                new UpdateOptions { IsUpsert = true }, cancellationToken);
        }
        catch (MongoWriteException ex) when (ex.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            // The same leaf inserted concurrently: it is kept.
        }
    }

    public async Task<IReadOnlyList<HostLogLeaf>> GetLogLeavesAsync(IReadOnlyCollection<Guid> reportIds, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        if (reportIds.Count == 0)
        {
            return [];
        }

        var documents = await _logLeaves.Find(MongoNotificationFilters.LogLeavesOf(reportIds)).ToListAsync(cancellationToken);
        return documents.Select(d => d.ToLeaf()).ToList();
    }
}
