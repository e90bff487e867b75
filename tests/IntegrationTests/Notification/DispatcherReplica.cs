using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.Notification;
using SafetyReports.Notification.Domain;
using SafetyReports.Notification.Storage;
using SafetyReports.Notification.Webhooks;

namespace SafetyReports.IntegrationTests.Notification;

/// <summary>A replica: its own store instance on the shared file, its dispatcher, and what its dispatcher asked its store.</summary>
public sealed class DispatcherReplica : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly SqliteNotificationStore _store;
    private readonly Channel<(string Method, object?[] Args, object? Result)> _calls = Channel.CreateUnbounded<(string, object?[], object?)>();

    public DispatcherReplica(string path, ManualClock clock, NotificationOptions options, HeldEndpoint endpoint, WebhookSecretProtector secrets)
    {
        _store = new SqliteNotificationStore(path);
        Options = options;
        Store = InterceptedStore.Wrap(_store, after: (method, args, result) => _calls.Writer.TryWrite((method, args, result)));
        var sender = new WebhookSender(new HttpClient(endpoint), clock, options.AttemptTimeout);
        Dispatcher = new WebhookDispatcher(Store, Store, Store, sender, secrets, new DeliverySignal(),
            new SubscriptionDisabler(Store, Store, clock, NullLogger<SubscriptionDisabler>.Instance), RetryJitter.None,
            Microsoft.Extensions.Options.Options.Create(options), clock, NullLogger<WebhookDispatcher>.Instance);
    }

    public NotificationOptions Options { get; }

    /// <summary>One attempt at a time per endpoint, retries a minute apart (three attempts), no jitter.</summary>
    public static NotificationOptions TestOptions(TimeSpan pollInterval) => new()
    {
        PollInterval = pollInterval,
        AttemptTimeout = TimeSpan.FromSeconds(30),
        RetrySchedule = [TimeSpan.Zero, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)],
        RetryJitter = 0,
        MaxConcurrentPerEndpoint = 1,
        EndpointQueueCapacity = 4,
    };

    /// <summary>The model every planned report is about.</summary>
    public const string Model = "org/model";

    /// <summary>
    /// A host, a subscription for <c>report.triaged</c> about every model signing with <paramref name="protectedSecret"/>, and
    /// deliveries to it due at the given times, each of a report (about <see cref="Model"/>) its route names.
    /// </summary>
    public static async Task<IReadOnlyList<Delivery>> PlanAsync(INotificationStore store, string protectedSecret, params DateTimeOffset[] due)
    {
        var ct = TestContext.Current.CancellationToken;
        await store.AddHostAsync(new ModelHost("hub", "Hub", "security@hub.example", Start), ct);
        var subscription = new Subscription(Guid.NewGuid(), "hub", "https://hooks.hub.example/a", [WebhookEvents.Triaged], ["**"], protectedSecret, true, Start);
        await store.AddSubscriptionAsync(subscription, ct);
        var deliveries = due.Select(at =>
        {
            var id = Guid.NewGuid();
            return new Delivery(id, subscription.Id, "hub", Guid.NewGuid(), WebhookEvents.Triaged, $"msg_{id:N}", "{}", DeliveryStatuses.Pending, 0, at, Start, null);
        }).ToList();
        foreach (var delivery in deliveries)
        {
            await store.SavePlanAsync(new DeliveryPlan(new ReportRoute(delivery.ReportId, "hub", Model, Start, null, null), [delivery]), ct);
        }

        return deliveries;
    }

    public INotificationStore Store { get; }

    public WebhookDispatcher Dispatcher { get; }

    /// <summary>The next lease call of this replica whose result matches.</summary>
    public async Task LeaseCallAsync(Func<IReadOnlyList<LeasedDelivery>, bool> match) =>
        await NextCallAsync(nameof(INotificationStore.LeaseDueDeliveriesAsync), (_, result) => match((IReadOnlyList<LeasedDelivery>)result!));

    /// <summary>Whether this replica's next recording of an attempt of the delivery was taken.</summary>
    public async Task<bool> CompletionAsync(Guid deliveryId) =>
        (bool)(await NextCallAsync(nameof(INotificationStore.CompleteAttemptAsync), (args, _) => ((Delivery)args[0]!).Id == deliveryId))!;

    public async ValueTask DisposeAsync()
    {
        await Dispatcher.StopAsync(CancellationToken.None);
        Dispatcher.Dispose();
        await _store.DisposeAsync();
    }

    private async Task<object?> NextCallAsync(string method, Func<object?[], object?, bool> match)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            var (name, args, result) = await _calls.Reader.ReadAsync(timeout.Token);
            if (name == method && match(args, result))
            {
                return result;
            }
        }
    }
}
