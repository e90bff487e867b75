using Microsoft.AspNetCore.Http;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Notification;

/// <summary>Retries live in Notification's store: a process that stops between two attempts leaves nothing behind.</summary>
[Trait("Speed", "Slow")]
public sealed class RestartTests
{
    [Fact]
    public async Task Retries_resume_from_the_store_after_a_restart_with_the_same_webhook_id()
    {
        using var data = new TempDirectory("safetyreports-restart");
        await using var receiver = await ScriptedReceiver.StartAsync();
        var recovered = false;
        receiver.Respond = _ => Volatile.Read(ref recovered) ? ScriptedReply.Status204 : new ScriptedReply(StatusCodes.Status500InternalServerError);
        var settings = NotificationSystemFixture.Settings(
            ("SafetyReports:Storage:DataDirectory", data.Path),
            ("RetrySchedule:1", "00:00:04"),
            ("RetrySchedule:2", "00:00:04"));

        Guid deliveryId;
        string webhookId;
        await using (var first = await StandaloneSystem.StartAsync(settings))
        {
            var notification = new NotificationClient(first.Api);
            await notification.EnsureHostAsync("hub-a");
            var subscription = await notification.SubscribeAsync(TestClients.Admin, "hub-a", receiver.BaseUrl + "/restart", modelPatterns: ["none/*"]);
            (deliveryId, webhookId) = await notification.SendTestAsync(subscription.Id);
            await notification.DeliveryAsync(deliveryId, d => NotificationClient.Attempts(d).Count == 1);
        }

        var beforeRestart = receiver.Count;
        Volatile.Write(ref recovered, true);
        await using var second = await StandaloneSystem.StartAsync(settings);
        var resumed = await new NotificationClient(second.Api).DeliveryAsync(deliveryId, d => NotificationClient.Status(d) == "succeeded");

        Assert.True(receiver.Count > beforeRestart, "the restarted process made no attempt");
        Assert.All(receiver.Received, r => Assert.Equal(webhookId, r.WebhookId));
        Assert.Equal(receiver.Count, NotificationClient.Attempts(resumed).Count);
        Assert.Equal(204, NotificationClient.Attempts(resumed)[^1]!["statusCode"]!.GetValue<int>());
    }
}
