namespace SafetyReports.Notification.Webhooks;

/// <summary>Looks a host name up; the system's resolver in production, a table in tests.</summary>
public delegate Task<IPAddress[]> HostNameResolver(string host, CancellationToken cancellationToken);

public static class SystemDns
{
    public static readonly HostNameResolver Resolve = (host, cancellationToken) => Dns.GetHostAddressesAsync(host, cancellationToken);
}
