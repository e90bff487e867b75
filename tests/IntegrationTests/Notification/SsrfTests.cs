using System.Net;
using Microsoft.AspNetCore.Http;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.Notification.Domain;
using SafetyReports.Notification.Storage;
using SafetyReports.Notification.Webhooks;

namespace SafetyReports.IntegrationTests.Notification;

/// <summary>A production-like system: private network targets are not allowed.</summary>
public sealed class StrictTargetsFixture : NotificationSystemFixture
{
    protected override Dictionary<string, string> Configure() => Settings(("AllowPrivateNetworkTargets", "false"));
}

/// <summary>
/// The SSRF table: every refused range by literal address and by a name resolving to it, refused at
/// registration and at an edit (a 400 naming <c>url</c>) and at delivery (a failed attempt, and not one request sent).
/// </summary>
public sealed class SsrfTests(StrictTargetsFixture fixture) : IClassFixture<StrictTargetsFixture>
{
    private NotificationClient Notification => fixture.Notification;

    public static TheoryData<string> RefusedTargets() =>
    [
        "https://127.0.0.1/hook", // loopback
        "https://127.8.9.10/hook",
        "https://2130706433/hook", // loopback, decimal
        "https://0x7f.0.0.1/hook", // loopback, hex
        "https://0177.0.0.1/hook", // loopback, octal
        "https://localhost/hook", // loopback by name
        "https://LOCALHOST./hook",
        "https://[::1]/hook",
        "https://[::ffff:127.0.0.1]/hook", // IPv4-mapped
        "https://[::ffff:7f00:1]/hook",
        "https://[64:ff9b::7f00:1]/hook", // NAT64-translated
        "https://10.0.0.1/hook", // private
        "https://172.16.5.4/hook",
        "https://192.168.1.1/hook",
        "https://100.64.0.1/hook", // carrier-grade NAT
        "https://169.254.10.20/hook", // link-local
        "https://[fe80::1]/hook",
        "https://[fd00::1]/hook", // unique-local
        "https://224.0.0.1/hook", // multicast
        "https://[ff02::1]/hook",
        "https://0.0.0.0/hook", // unspecified
        "https://[::]/hook",
        "https://169.254.169.254/latest/meta-data/", // cloud metadata
        "https://[fd00:ec2::254]/latest/meta-data/",
        "https://100.100.100.200/latest/meta-data/",
        "https://168.63.129.16/machine",
        "https://metadata.google.internal/computeMetadata/v1/",
        "http://93.184.216.34/hook", // plain http
        "https://user:secret@93.184.216.34/hook", // user-info
    ];

    [Theory]
    [MemberData(nameof(RefusedTargets))]
    public async Task Registration_refuses_the_target_with_a_problem_naming_the_url(string url)
    {
        await Notification.EnsureHostAsync("hub-a");
        using var response = await Notification.SendAsync(HttpMethod.Post, "/api/v1/hosts/hub-a/subscriptions", TestClients.Admin,
            new { url, events = new[] { "report.triaged" } });
        await NotificationClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "url");
    }

    [Fact]
    public async Task An_edit_refuses_every_such_target_and_keeps_the_url()
    {
        await Notification.EnsureHostAsync("hub-ssrf-edit");
        // A public literal address needs no DNS; no model matches "none/*", so nothing is ever sent there.
        var subscription = await Notification.SubscribeAsync(TestClients.Admin, "hub-ssrf-edit", "https://93.184.216.34/hook", modelPatterns: ["none/*"]);

        foreach (var url in RefusedTargets().Select(row => row.Data))
        {
            using var response = await Notification.SendAsync(HttpMethod.Patch, $"/api/v1/subscriptions/{subscription.Id}", TestClients.Admin,
                new { url, events = new[] { "report.resolved" } });
            await NotificationClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "url");
        }

        var unchanged = await Notification.SubscriptionAsync(subscription.Id);
        Assert.Equal("https://93.184.216.34/hook", unchanged["url"]!.GetValue<string>());
        Assert.Equal(["report.triaged"], unchanged["events"]!.AsArray().Select(e => e!.GetValue<string>()));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("[::ffff:127.0.0.1]")]
    public async Task A_subscription_whose_target_turned_internal_is_refused_at_delivery_without_a_request(string host)
    {
        await using var receiver = await ScriptedReceiver.StartAsync();
        await Notification.EnsureHostAsync("hub-a");
        // As if the name resolved to a public address at registration and to ours now: the store has it, the check at registration is past.
        var protector = fixture.System.Get<WebhookSecretProtector>();
        var subscription = new Subscription(Guid.CreateVersion7(), "hub-a", $"http://{host}:{receiver.Port}/internal", [WebhookEvents.Triaged], ["none/*"],
            protector.Protect(WebhookSecret.Generate()), true, DateTimeOffset.UtcNow);
        await fixture.System.Get<INotificationStore>().AddSubscriptionAsync(subscription, TestContext.Current.CancellationToken);

        var (deliveryId, _) = await Notification.SendTestAsync(subscription.Id);
        var delivery = await Notification.DeliveryAsync(deliveryId, d => NotificationClient.Attempts(d).Count >= 1);

        var attempt = NotificationClient.Attempts(delivery)[0]!;
        Assert.Null(attempt["statusCode"]);
        Assert.StartsWith("Refused", attempt["error"]!.GetValue<string>());
        Assert.Equal(0, receiver.Count);
    }
}

/// <summary>Redirects are never followed, wherever they point: a 3xx is a failed attempt.</summary>
public sealed class RedirectTests(RetryFixture fixture) : IClassFixture<RetryFixture>
{
    [Fact]
    public async Task A_redirect_to_an_internal_target_is_a_failed_attempt_and_nothing_is_requested_there()
    {
        var notification = fixture.Notification;
        await using var redirecting = await ScriptedReceiver.StartAsync();
        await using var internalService = await ScriptedReceiver.StartAsync();
        // This system allows private targets (the redirecting receiver is on 127.0.0.1), so following a redirect would reach these.
        string[] targets =
        [
            internalService.BaseUrl + "/admin",
            $"http://localhost:{internalService.Port}/admin",
            $"http://[::ffff:127.0.0.1]:{internalService.Port}/admin",
            "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.1/",
        ];
        redirecting.Respond = r => new ScriptedReply(StatusCodes.Status302Found,
            new Dictionary<string, string> { ["Location"] = targets[int.Parse(r.Path.Split('/')[^1])] });
        await notification.EnsureHostAsync("hub-a");

        var deliveries = new List<Guid>();
        for (var i = 0; i < targets.Length; i++)
        {
            var subscription = await notification.SubscribeAsync(TestClients.Admin, "hub-a", $"{redirecting.BaseUrl}/redirect/{i}", modelPatterns: ["none/*"]);
            deliveries.Add((await notification.SendTestAsync(subscription.Id)).DeliveryId);
        }

        foreach (var deliveryId in deliveries)
        {
            var delivery = await notification.DeliveryAsync(deliveryId, d => NotificationClient.Attempts(d).Count >= 1);
            var attempt = NotificationClient.Attempts(delivery)[0]!;
            Assert.Equal(302, attempt["statusCode"]!.GetValue<int>());
            Assert.Contains("Redirect not followed", attempt["error"]!.GetValue<string>());
        }

        Assert.Equal(0, internalService.Count);
    }
}
