namespace SafetyReports.Notification.Storage;

/// <summary>The hosts: organisations whose models reports are about, each with its contact.</summary>
public interface IHostStore
{
    /// <summary>False when a host with that id exists.</summary>
    Task<bool> AddHostAsync(ModelHost host, CancellationToken cancellationToken);

    Task<ModelHost?> GetHostAsync(string hostId, CancellationToken cancellationToken);

    /// <summary>Every host, by id (hosts are a few hundred at most: organisations, not users).</summary>
    Task<IReadOnlyList<ModelHost>> GetHostsAsync(CancellationToken cancellationToken);
}
