namespace SafetyReports.ServiceDefaults.Storage;

/// <summary>A store that can say whether its database answers; readiness checks call it.</summary>
public interface IStoreHealth
{
    Task PingAsync(CancellationToken cancellationToken);
}
