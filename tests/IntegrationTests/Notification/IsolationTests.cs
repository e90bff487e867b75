using System.Diagnostics;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Notification;

public sealed class IsolationFixture : NotificationSystemFixture
{
    // Long enough that a dispatcher waiting on the black hole would visibly hold the healthy deliveries back; and so few
    // attempts at once overall that, without a limit per endpoint, the black hole alone would take them all.
    protected override Dictionary<string, string> Configure() =>
        Settings(("AttemptTimeout", "00:00:10"), ("MaxConcurrentDeliveries", "8"), ("MaxConcurrentPerEndpoint", "4"));
}

public sealed class IsolationTests(IsolationFixture fixture) : IClassFixture<IsolationFixture>
{
    private const int BlackHoledDeliveries = 40;

    [Fact]
    public async Task A_black_holed_receiver_does_not_delay_deliveries_to_a_healthy_one()
    {
        var notification = fixture.Notification;
        await using var blackHole = new BlackHole();
        await using var healthy = await ScriptedReceiver.StartAsync();
        await notification.EnsureHostAsync("hub-a");
        var stuck = await notification.SubscribeAsync(TestClients.Admin, "hub-a", blackHole.BaseUrl + "/never", modelPatterns: ["none/*"]);
        var fine = await notification.SubscribeAsync(TestClients.Admin, "hub-a", healthy.BaseUrl + "/fine", modelPatterns: ["none/*"]);

        // More than the whole process may send at once to one endpoint, queued before the healthy ones.
        for (var i = 0; i < BlackHoledDeliveries; i++)
        {
            await notification.SendTestAsync(stuck.Id);
        }

        await Eventually.UntilAsync(() => Task.FromResult(blackHole.Connections > 0), TimeSpan.FromSeconds(10), "the black hole to be connected to");

        for (var i = 0; i < 5; i++)
        {
            var sent = Stopwatch.StartNew();
            var (_, webhookId) = await notification.SendTestAsync(fine.Id);
            await healthy.NextAsync(r => r.WebhookId == webhookId, TimeSpan.FromSeconds(5));
            Assert.True(sent.Elapsed < TimeSpan.FromSeconds(5), $"a healthy delivery took {sent.Elapsed.TotalSeconds:0.0} s");
        }
    }
}
