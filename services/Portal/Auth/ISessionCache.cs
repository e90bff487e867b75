using SafetyReports.ServiceDefaults.Storage;

namespace SafetyReports.Portal.Auth;

/// <summary>Where the portal's sessions are kept; its readiness check pings it, and it is set up at start like the other stores.</summary>
public interface ISessionCache : IDistributedCache, IStoreHealth;
