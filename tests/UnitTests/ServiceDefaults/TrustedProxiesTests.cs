using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using SafetyReports.ServiceDefaults.Hosting;

namespace SafetyReports.UnitTests.ServiceDefaults;

public class TrustedProxiesTests
{
    [Fact]
    public void Nothing_configured_trusts_no_one()
    {
        var (proxies, errors) = TrustedProxies.From(new ForwardedHeadersSettings());
        Assert.Null(proxies);
        Assert.Empty(errors);
    }

    [Fact]
    public void Configured_proxies_and_networks_replace_the_loopback_default()
    {
        var (proxies, errors) = TrustedProxies.From(new ForwardedHeadersSettings
        {
            KnownProxies = ["10.0.0.5", " fd00::5 "],
            KnownNetworks = ["192.168.10.0/24"],
        });
        Assert.Empty(errors);
        var options = new ForwardedHeadersOptions();
        Assert.Contains(IPAddress.IPv6Loopback, options.KnownProxies);

        proxies!.ApplyTo(options);

        Assert.Equal([IPAddress.Parse("10.0.0.5"), IPAddress.Parse("fd00::5")], options.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("192.168.10.0/24")], options.KnownIPNetworks);
        Assert.Equal(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, options.ForwardedHeaders);
        Assert.False(options.ForwardedHeaders.HasFlag(ForwardedHeaders.XForwardedHost));
    }

    [Fact]
    public void A_value_that_is_not_an_address_or_network_is_named()
    {
        var (proxies, errors) = TrustedProxies.From(new ForwardedHeadersSettings
        {
            KnownProxies = ["10.0.0.5", "proxy.internal"],
            KnownNetworks = ["10.0.0.0/33", "10.0.0.0/24"],
        });
        Assert.Null(proxies);
        Assert.Equal(2, errors.Count);
        Assert.Contains("KnownProxies:1 'proxy.internal'", errors[0]);
        Assert.Contains("KnownNetworks:0 '10.0.0.0/33'", errors[1]);
    }
}
