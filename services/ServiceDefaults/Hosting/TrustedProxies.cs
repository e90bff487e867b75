using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SafetyReports.ServiceDefaults.Hosting;

/// <summary>
/// Turns <see cref="ForwardedHeadersSettings"/> into ASP.NET Core's forwarded-headers options. ASP.NET
/// Core trusts loopback by default; here only what is configured is trusted, and with nothing configured
/// the middleware is not used at all. Only the client address and the scheme are taken (the proxy
/// terminating TLS is what makes HSTS and Secure cookies right); the host is not: the issuer and
/// redirect addresses come from configuration, never from a header.
/// </summary>
public sealed class TrustedProxies
{
    private TrustedProxies(IReadOnlyList<IPAddress> proxies, IReadOnlyList<System.Net.IPNetwork> networks)
    {
        Proxies = proxies;
        Networks = networks;
    }

    public IReadOnlyList<IPAddress> Proxies { get; }

    public IReadOnlyList<System.Net.IPNetwork> Networks { get; }

    /// <returns>The trusted proxies, or null when none are configured; errors name each value that is not an address or network.</returns>
    public static (TrustedProxies? Proxies, IReadOnlyList<string> Errors) From(ForwardedHeadersSettings settings)
    {
        var errors = new List<string>();
        var proxies = new List<IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        for (var i = 0; i < settings.KnownProxies.Count; i++)
        {
            if (IPAddress.TryParse(settings.KnownProxies[i].Trim(), out var address))
            {
                proxies.Add(address);
            }
            else
            {
                errors.Add($"{ForwardedHeadersSettings.Section}:KnownProxies:{i} '{settings.KnownProxies[i]}' is not an IP address.");
            }
        }

        for (var i = 0; i < settings.KnownNetworks.Count; i++)
        {
            if (System.Net.IPNetwork.TryParse(settings.KnownNetworks[i].Trim(), out var network))
            {
                networks.Add(network);
            }
            else
            {
                errors.Add($"{ForwardedHeadersSettings.Section}:KnownNetworks:{i} '{settings.KnownNetworks[i]}' is not a network in CIDR notation (10.0.0.0/24).");
            }
        }

        return errors.Count > 0 || proxies.Count + networks.Count == 0 ? (null, errors) : (new TrustedProxies(proxies, networks), errors);
    }

    public void ApplyTo(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in Proxies)
        {
            options.KnownProxies.Add(proxy);
        }

        foreach (var network in Networks)
        {
            options.KnownIPNetworks.Add(network);
        }

        // A chain of trusted proxies is unwound; the first address that is not a trusted proxy is the client.
        options.ForwardLimit = null;
    }
}
