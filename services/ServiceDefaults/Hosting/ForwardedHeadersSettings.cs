namespace SafetyReports.ServiceDefaults.Hosting;

/// <summary>
/// Bound from <c>SafetyReports:Hosting:ForwardedHeaders</c>: the TLS-terminating proxies whose
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> a service believes. Empty (the default) means no
/// forwarded header is believed from anyone.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "SafetyReports:Hosting:ForwardedHeaders";

    /// <summary>Addresses of proxies (<c>10.0.0.5</c>, <c>fd00::5</c>).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of proxies in CIDR notation (<c>10.0.0.0/24</c>).</summary>
    public List<string> KnownNetworks { get; set; } = [];
}
