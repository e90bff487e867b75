using MongoDB.Driver;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Notification.Storage;

public sealed partial class MongoNotificationStore : IHostStore
{
    public async Task<bool> AddHostAsync(ModelHost host, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        try
        {
            await _hosts.InsertOneAsync(host, cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException ex) when (MongoTransactions.IsDuplicateKey(ex))
        {
            return false;
        }
    }

    public async Task<ModelHost?> GetHostAsync(string hostId, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        return await _hosts.Find(d => d.Id == hostId).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ModelHost>> GetHostsAsync(CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        return await _hosts.Find(FilterDefinition<ModelHost>.Empty).SortBy(d => d.Id).ToListAsync(cancellationToken);
    }
}
