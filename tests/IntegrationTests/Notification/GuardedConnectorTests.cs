using System.Net;
using System.Net.Sockets;
using SafetyReports.Notification;
using SafetyReports.Notification.Webhooks;

namespace SafetyReports.IntegrationTests.Notification;

/// <summary>
/// The HTTP stack webhooks go out on, with private targets refused, against a real receiver on 127.0.0.1:
/// whichever way the address is written or named, the request never reaches it. With private targets
/// allowed the same calls arrive, so the refusals are the guard's doing and not a broken receiver.
/// </summary>
public sealed class GuardedConnectorTests : IAsyncLifetime
{
    private ScriptedReceiver _receiver = null!;

    public async ValueTask InitializeAsync() => _receiver = await ScriptedReceiver.StartAsync();

    public async ValueTask DisposeAsync() => await _receiver.DisposeAsync();

    /// <summary>Names for every refused range, as a DNS server (or a hosts file) could answer them.</summary>
    private static readonly Dictionary<string, string> Names = new()
    {
        ["loopback.test"] = "127.0.0.1",
        ["private-10.test"] = "10.0.0.1",
        ["private-172.test"] = "172.16.0.1",
        ["private-192.test"] = "192.168.0.1",
        ["cgnat.test"] = "100.64.0.1",
        ["link-local.test"] = "169.254.1.1",
        ["metadata.test"] = "169.254.169.254",
        ["azure-platform.test"] = "168.63.129.16",
        ["unspecified.test"] = "0.0.0.0",
        ["multicast.test"] = "224.0.0.1",
        ["ipv6-loopback.test"] = "::1",
        ["ipv6-link-local.test"] = "fe80::1",
        ["unique-local.test"] = "fd00::1",
        ["ipv4-mapped.test"] = "::ffff:127.0.0.1",
        ["nat64.test"] = "64:ff9b::7f00:1",
        ["6to4.test"] = "2002:7f00:1::1",
    };

    private static Task<IPAddress[]> Resolve(string host, CancellationToken cancellationToken) =>
        Names.TryGetValue(host, out var address)
            ? Task.FromResult(new[] { IPAddress.Parse(address) })
            : SystemDns.Resolve(host, cancellationToken);

    private static WebhookSender Sender(bool allowPrivate)
    {
        var options = new NotificationOptions { AllowPrivateNetworkTargets = allowPrivate, AttemptTimeout = TimeSpan.FromSeconds(5) };
        return new WebhookSender(WebhookHttpHandler.CreateClient(options, new GuardedConnector(allowPrivate, Resolve)), TimeProvider.System, options.AttemptTimeout);
    }

    public static TheoryData<string> InternalNames() => [.. Names.Keys];

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("[::ffff:127.0.0.1]")]
    [InlineData("loopback.test")]
    public async Task Our_own_receiver_is_refused_however_it_is_addressed(string host)
    {
        var result = await SendAsync(Sender(allowPrivate: false), $"http://{host}:{_receiver.Port}/x");

        Assert.Null(result.StatusCode);
        Assert.Equal(GuardedConnector.RefusalMessage, result.Error);
        Assert.Equal(0, _receiver.Count);
    }

    [Theory]
    [MemberData(nameof(InternalNames))]
    public async Task A_name_resolving_into_any_refused_range_is_refused_before_connecting(string name)
    {
        var result = await SendAsync(Sender(allowPrivate: false), $"http://{name}:{_receiver.Port}/x");
        Assert.Equal(GuardedConnector.RefusalMessage, result.Error);
        Assert.Equal(0, _receiver.Count);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("loopback.test")]
    public async Task With_private_targets_allowed_the_same_requests_arrive(string host)
    {
        var result = await SendAsync(Sender(allowPrivate: true), $"http://{host}:{_receiver.Port}/x");
        Assert.Equal(204, result.StatusCode);
        Assert.Equal(1, _receiver.Count);
    }

    [Fact]
    public async Task Cloud_metadata_stays_refused_with_private_targets_allowed()
    {
        var result = await SendAsync(Sender(allowPrivate: true), "http://169.254.169.254/latest/meta-data/");
        Assert.Equal(GuardedConnector.RefusalMessage, result.Error);
        var byName = await SendAsync(Sender(allowPrivate: true), $"http://metadata.test:{_receiver.Port}/");
        Assert.Equal(GuardedConnector.RefusalMessage, byName.Error);
    }

    [Fact]
    public async Task A_receiver_that_never_answers_is_a_timeout_within_the_attempt_timeout()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var options = new NotificationOptions { AllowPrivateNetworkTargets = true, AttemptTimeout = TimeSpan.FromMilliseconds(500) };
        var sender = new WebhookSender(WebhookHttpHandler.CreateClient(options, new GuardedConnector(true)), TimeProvider.System, options.AttemptTimeout);

        var result = await SendAsync(sender, $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

        Assert.Null(result.StatusCode);
        Assert.StartsWith("Timeout", result.Error);
        Assert.InRange(result.LatencyMs, 400, 5_000);
    }

    private static Task<SendResult> SendAsync(WebhookSender sender, string url) =>
        sender.SendAsync(url, "msg_test", "{}", ["whsec_" + Convert.ToBase64String(new byte[32])], TestContext.Current.CancellationToken);
}
