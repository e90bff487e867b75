using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Hardening;

/// <summary>
/// Behind a TLS-terminating proxy: a real Standalone system on 127.0.0.1 believes <c>X-Forwarded-Proto:
/// https</c> only from the proxies <c>SafetyReports:Hosting:ForwardedHeaders</c> names (then HSTS and
/// Secure cookies follow), and from no one, loopback included, when nothing is configured.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class ForwardedHeadersTests
{
    private static readonly string[] Pages = ["/", "/account/login"];

    [Fact]
    public async Task A_known_proxy_saying_https_gets_hsts_and_secure_cookies_and_any_other_address_does_not()
    {
        await using var system = await StandaloneSystem.StartAsync(new Dictionary<string, string>
        {
            ["SafetyReports:Hosting:ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        });

        foreach (var page in Pages)
        {
            var trusted = await SendAsync(system.Url, page, from: "127.0.0.1");
            Assert.True(trusted.Hsts, $"{page} via the known proxy: no HSTS");
            Assert.True(trusted.Cookies.Count > 0 && trusted.Cookies.All(IsSecure), $"{page} via the known proxy: {string.Join(" | ", trusted.Cookies)}");

            var untrusted = await SendAsync(system.Url, page, from: "127.0.0.2");
            Assert.False(untrusted.Hsts, $"{page} from an unknown address: HSTS");
            Assert.True(untrusted.Cookies.Count > 0 && !untrusted.Cookies.Any(IsSecure), $"{page} from an unknown address: {string.Join(" | ", untrusted.Cookies)}");
        }
    }

    [Fact]
    public async Task A_known_network_is_trusted_and_loopback_outside_it_is_not()
    {
        // ASP.NET Core trusts loopback by default; a configured network replaces that default.
        await using var system = await StandaloneSystem.StartAsync(new Dictionary<string, string>
        {
            ["SafetyReports:Hosting:ForwardedHeaders:KnownNetworks:0"] = "127.0.0.2/31",
        });

        Assert.True((await SendAsync(system.Url, "/", from: "127.0.0.3")).Hsts);
        var outside = await SendAsync(system.Url, "/", from: "127.0.0.1");
        Assert.False(outside.Hsts);
        Assert.DoesNotContain(outside.Cookies, IsSecure);
    }

    [Fact]
    public async Task Without_configuration_no_address_is_believed_not_even_loopback()
    {
        await using var system = await StandaloneSystem.StartAsync();

        foreach (var page in Pages)
        {
            var answer = await SendAsync(system.Url, page, from: "127.0.0.1");
            Assert.False(answer.Hsts, page);
            Assert.True(answer.Cookies.Count > 0 && !answer.Cookies.Any(IsSecure), $"{page}: {string.Join(" | ", answer.Cookies)}");
        }
    }

    private static async Task<(bool Hsts, IReadOnlyList<string> Cookies)> SendAsync(string baseUrl, string path, string from)
    {
        using var http = SourceAddressClient.From(from);
        using var request = new HttpRequestMessage(HttpMethod.Get, baseUrl + path);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{path} from {from}: {(int)response.StatusCode}");
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        return (response.Headers.Contains("Strict-Transport-Security"), cookies);
    }

    private static bool IsSecure(string setCookie) =>
        setCookie.Split(';').Skip(1).Any(a => a.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase));
}
