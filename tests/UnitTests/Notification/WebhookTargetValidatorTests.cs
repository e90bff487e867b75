using System.Net;
using System.Net.Sockets;
using SafetyReports.Notification.Webhooks;

namespace SafetyReports.UnitTests.Notification;

/// <summary>Registration checks with a resolver table instead of DNS, so every range can be reached by name.</summary>
public class WebhookTargetValidatorTests
{
    private static readonly Dictionary<string, string[]> Names = new()
    {
        ["public.example"] = ["93.184.216.34"],
        ["loopback.example"] = ["127.0.0.1"],
        ["private.example"] = ["10.1.2.3"],
        ["cgnat.example"] = ["100.64.0.9"],
        ["linklocal.example"] = ["169.254.10.10"],
        ["metadata-by-name.example"] = ["169.254.169.254"],
        ["azure.example"] = ["168.63.129.16"],
        ["ula.example"] = ["fd12::1"],
        ["ipv6-loopback.example"] = ["::1"],
        ["mapped.example"] = ["::ffff:10.0.0.1"],
        ["multicast.example"] = ["239.1.1.1"],
        ["unspecified.example"] = ["0.0.0.0"],
        ["mixed.example"] = ["93.184.216.34", "10.0.0.1"],
    };

    private static Task<IPAddress[]> Resolve(string host, CancellationToken _) =>
        Names.TryGetValue(host, out var addresses)
            ? Task.FromResult(addresses.Select(IPAddress.Parse).ToArray())
            : throw new SocketException((int)SocketError.HostNotFound);

    private static readonly WebhookTargetValidator Strict = new(false, Resolve);
    private static readonly WebhookTargetValidator Dev = new(true, Resolve);

    [Theory]
    [InlineData("https://public.example/hook")]
    [InlineData("https://93.184.216.34/hook")]
    [InlineData("https://[2606:4700::1111]/hook")]
    public async Task Public_https_targets_are_accepted(string url) =>
        Assert.Null(await Strict.ValidateAsync(url, TestContext.Current.CancellationToken));

    [Theory]
    [InlineData("https://loopback.example/")]
    [InlineData("https://private.example/")]
    [InlineData("https://cgnat.example/")]
    [InlineData("https://linklocal.example/")]
    [InlineData("https://metadata-by-name.example/")]
    [InlineData("https://azure.example/")]
    [InlineData("https://ula.example/")]
    [InlineData("https://ipv6-loopback.example/")]
    [InlineData("https://mapped.example/")]
    [InlineData("https://multicast.example/")]
    [InlineData("https://unspecified.example/")]
    [InlineData("https://mixed.example/")]
    [InlineData("https://127.0.0.1/")]
    [InlineData("https://2130706433/")]
    [InlineData("https://0x7f.0.0.1/")]
    [InlineData("https://0177.0.0.1/")]
    [InlineData("https://127.1/")]
    [InlineData("https://[::1]/")]
    [InlineData("https://[::ffff:127.0.0.1]/")]
    [InlineData("https://[::ffff:7f00:1]/")]
    [InlineData("https://[0:0:0:0:0:ffff:a9fe:a9fe]/")]
    [InlineData("https://[fe80::1]/")]
    [InlineData("https://[64:ff9b::a00:1]/")]
    public async Task Internal_targets_are_refused_by_address_and_by_name(string url)
    {
        var problem = await Strict.ValidateAsync(url, TestContext.Current.CancellationToken);
        Assert.NotNull(problem);
        Assert.Contains("address", problem);
    }

    [Theory]
    [InlineData("http://public.example/", "https")]
    [InlineData("https://user:pass@public.example/", "user name")]
    [InlineData("ftp://public.example/", "https")]
    [InlineData("relative/path", "absolute")]
    [InlineData("https://nowhere.example/", "resolve")]
    [InlineData("https://metadata.google.internal/computeMetadata/v1/", "metadata")]
    public async Task Other_bad_urls_say_why(string url, string why)
    {
        var problem = await Strict.ValidateAsync(url, TestContext.Current.CancellationToken);
        Assert.Contains(why, problem, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Development_mode_allows_http_and_private_targets_but_never_metadata()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.Null(await Dev.ValidateAsync("http://127.0.0.1:8080/hook", ct));
        Assert.Null(await Dev.ValidateAsync("http://private.example/hook", ct));
        Assert.NotNull(await Dev.ValidateAsync("http://169.254.169.254/latest/meta-data/", ct));
        Assert.NotNull(await Dev.ValidateAsync("http://metadata-by-name.example/", ct));
        Assert.NotNull(await Dev.ValidateAsync("http://metadata.google.internal/", ct));
        Assert.NotNull(await Dev.ValidateAsync("http://user@127.0.0.1/", ct));
    }

    [Fact]
    public async Task The_connector_checks_again_at_every_connection_so_a_changed_answer_is_refused()
    {
        var answers = new Queue<string>(["93.184.216.34", "10.0.0.7"]);
        Task<IPAddress[]> Rebinding(string host, CancellationToken _) => Task.FromResult(new[] { IPAddress.Parse(answers.Dequeue()) });
        var ct = TestContext.Current.CancellationToken;

        Assert.Null(await new WebhookTargetValidator(false, Rebinding).ValidateAsync("https://rebind.example/", ct));
        var refused = await Assert.ThrowsAsync<WebhookTargetRefusedException>(() =>
            new GuardedConnector(false, Rebinding).AllowedAddressesAsync("rebind.example", ct));
        Assert.Contains("Refused", refused.Message);
    }

    [Fact]
    public async Task The_connector_keeps_only_the_allowed_addresses_of_a_mixed_answer()
    {
        var connector = new GuardedConnector(false, Resolve);
        Assert.Equal([IPAddress.Parse("93.184.216.34")], await connector.AllowedAddressesAsync("mixed.example", TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<WebhookTargetRefusedException>(() =>
            connector.AllowedAddressesAsync("metadata.google.internal", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_name_the_resolver_refuses_outright_is_a_clear_refusal_not_an_error()
    {
        var validator = new WebhookTargetValidator(false, (host, _) => throw new ArgumentException("name too long", nameof(host)));
        Assert.Equal("The host name is not valid.",
            await validator.ValidateAsync($"https://{new string('a', 63)}.{new string('b', 63)}.{new string('c', 63)}.{new string('d', 63)}.example/", TestContext.Current.CancellationToken));
    }

    // Found by NotificationHostileInputTests: Uri accepts these hosts, then Uri.IdnHost throws (a 500 before).
    [Theory]
    [InlineData("https://\uFFFD\u061C\u0130\uFFFD/hook")]
    [InlineData("https://\u061C\u200Chttps://example.org/x")]
    public async Task A_host_name_idna_refuses_is_a_clear_refusal_not_an_error(string url)
    {
        Assert.Equal("The host name is not valid.", await Dev.ValidateAsync(url, TestContext.Current.CancellationToken));
        Assert.Equal("The host name is not valid.", await Strict.ValidateAsync(url, TestContext.Current.CancellationToken));
    }
}
