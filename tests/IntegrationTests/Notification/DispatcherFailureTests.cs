using Microsoft.AspNetCore.DataProtection;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.Notification.Domain;
using SafetyReports.Notification.Storage;
using SafetyReports.Notification.Webhooks;

namespace SafetyReports.IntegrationTests.Notification;

/// <summary>
/// Attempts that end before anything is sent are recorded with their reason: one that fails (it follows the retry schedule),
/// and one that a subscription narrowed since its planning no longer asks for (it ends there).
/// </summary>
public sealed class DispatcherFailureTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = DispatcherReplica.Start;
    private readonly TempDirectory _data = new("safetyreports-not-sent");
    private readonly ManualClock _clock = new(Start);
    private readonly HeldEndpoint _endpoint = new() { AnswerAtOnce = System.Net.HttpStatusCode.NoContent };
    private readonly DispatcherReplica _replica;

    public DispatcherFailureTests()
    {
        _replica = new DispatcherReplica(Path.Combine(_data.Path, NotificationStoreFactory.SqliteFileName), _clock,
            DispatcherReplica.TestOptions(TimeSpan.FromMilliseconds(20)), _endpoint, new WebhookSecretProtector(new EphemeralDataProtectionProvider()));
    }

    public async ValueTask DisposeAsync()
    {
        await _replica.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    [Fact]
    public async Task A_delivery_whose_secret_cannot_be_decrypted_records_failed_attempts_on_the_schedule_and_then_fails()
    {
        var ct = TestContext.Current.CancellationToken;
        // Encrypted with a key this deployment no longer has (a lost or replaced key ring).
        var foreign = new WebhookSecretProtector(new EphemeralDataProtectionProvider()).Protect("whsec_" + Convert.ToBase64String(new byte[24]));
        var delivery = (await DispatcherReplica.PlanAsync(_replica.Store, foreign, Start))[0];

        await _replica.Dispatcher.StartAsync(ct);
        Assert.True(await _replica.CompletionAsync(delivery.Id));
        var first = await _replica.Store.GetDeliveryAsync(delivery.Id, ct);
        Assert.Equal((DeliveryStatuses.Pending, 1, Start.AddMinutes(1)), (first!.Status, first.RoundAttempts, first.NextAttemptAt));

        _clock.Now = Start.AddMinutes(1);
        Assert.True(await _replica.CompletionAsync(delivery.Id));
        _clock.Now = Start.AddMinutes(2);
        Assert.True(await _replica.CompletionAsync(delivery.Id));

        var last = await _replica.Store.GetDeliveryAsync(delivery.Id, ct);
        Assert.Equal((DeliveryStatuses.Failed, 3), (last!.Status, last.RoundAttempts));
        var attempts = await _replica.Store.GetAttemptsAsync(delivery.Id, ct);
        Assert.Equal([Start, Start.AddMinutes(1), Start.AddMinutes(2)], attempts.Select(a => a.At));
        Assert.All(attempts, a => Assert.Equal((null, NotSent.Reason(new System.Security.Cryptography.CryptographicException())), (a.StatusCode, a.Error)));
        Assert.Empty(_endpoint.Received);
        // Nothing was sent: the receiver is not counted as failing.
        Assert.Null((await _replica.Store.GetSubscriptionAsync(delivery.SubscriptionId, ct))!.FailingSince);
    }

    [Theory]
    [InlineData("events")]
    [InlineData("patterns")]
    public async Task A_delivery_planned_before_its_subscription_was_narrowed_is_not_sent_and_the_log_says_why(string narrowed)
    {
        var ct = TestContext.Current.CancellationToken;
        var delivery = (await DispatcherReplica.PlanAsync(_replica.Store, "never decrypted: the delivery ends before signing", Start))[0];
        var subscription = (await _replica.Store.GetSubscriptionAsync(delivery.SubscriptionId, ct))!;
        // The host narrows the subscription before the dispatcher gets to the delivery.
        var edit = narrowed == "events"
            ? SubscriptionEdit.Of(subscription, null, [WebhookEvents.Resolved], null)
            : SubscriptionEdit.Of(subscription, null, null, ["other/*"]);
        Assert.True(await _replica.Store.EditSubscriptionAsync(edit, ct));

        await _replica.Dispatcher.StartAsync(ct);
        Assert.True(await _replica.CompletionAsync(delivery.Id));

        var stored = await _replica.Store.GetDeliveryAsync(delivery.Id, ct);
        Assert.Equal((DeliveryStatuses.Failed, (DateTimeOffset?)null), (stored!.Status, stored.NextAttemptAt));
        var attempt = Assert.Single(await _replica.Store.GetAttemptsAsync(delivery.Id, ct));
        Assert.Equal((null, SubscriptionInterest.NoLongerWanted(WebhookEvents.Triaged, DispatcherReplica.Model)), (attempt.StatusCode, attempt.Error));
        Assert.Empty(_endpoint.Received);
    }
}
