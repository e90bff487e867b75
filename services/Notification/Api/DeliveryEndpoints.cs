using SafetyReports.Notification.Storage;

namespace SafetyReports.Notification.Api;

/// <summary>The delivery log with every attempt, replay of one delivery, and recovery of a subscription's failures since a time.</summary>
public static class DeliveryEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 200;

    private static readonly string[] Statuses = [DeliveryStatuses.Pending, DeliveryStatuses.Succeeded, DeliveryStatuses.Failed];

    public static void MapDeliveryEndpoints(this IEndpointRouteBuilder app)
    {
        var managed = app.MapGroup("/api/v1").RequireAuthorization(HostAccess.AdminOrHostPolicy).WithTags("Deliveries");
        managed.MapGet("/hosts/{hostId}/deliveries", ListAsync);
        managed.MapGet("/deliveries/{id:guid}", GetAsync);
        managed.MapPost("/deliveries/{id:guid}/replay", ReplayAsync);
        managed.MapPost("/subscriptions/{id:guid}/recover", RecoverAsync);
    }

    private static async Task<IResult> ListAsync(
        string hostId, Guid? reportId, Guid? subscriptionId, string? status, int? limit, ClaimsPrincipal user, IHostStore hosts, IDeliveryStore deliveries,
        CancellationToken cancellationToken)
    {
        if (!HostAccess.CanManage(user, hostId) || await hosts.GetHostAsync(hostId, cancellationToken) is null)
        {
            return SubscriptionEndpoints.NoHost();
        }

        var errors = new Dictionary<string, string[]>();
        if (status is not null && !Statuses.Contains(status))
        {
            errors["status"] = [$"One of: {string.Join(", ", Statuses)}."];
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"From 1 to {MaxLimit}."];
        }

        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        var found = await deliveries.GetDeliveriesAsync(new DeliveryQuery(hostId, reportId, subscriptionId, status, limit ?? DefaultLimit), cancellationToken);
        var views = new List<DeliveryView>(found.Count);
        foreach (var d in found)
        {
            views.Add(DeliveryView.From(d, await deliveries.GetAttemptsAsync(d.Id, cancellationToken)));
        }

        return Results.Ok(new { items = views });
    }

    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, IDeliveryStore deliveries, CancellationToken cancellationToken)
    {
        var delivery = await deliveries.GetDeliveryAsync(id, cancellationToken);
        return delivery is not null && HostAccess.CanManage(user, delivery.HostId)
            ? Results.Ok(DeliveryView.From(delivery, await deliveries.GetAttemptsAsync(id, cancellationToken)))
            : NoDelivery();
    }

    private static async Task<IResult> ReplayAsync(
        Guid id, ClaimsPrincipal user, ISubscriptionStore subscriptions, IDeliveryStore deliveries, DeliverySignal signal, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var delivery = await deliveries.GetDeliveryAsync(id, cancellationToken);
        if (delivery is null || !HostAccess.CanManage(user, delivery.HostId))
        {
            return NoDelivery();
        }

        // Sending again to a disabled subscription would only fail again (a test may still go to one).
        if (delivery.EventType != WebhookEvents.Test && await subscriptions.GetSubscriptionAsync(delivery.SubscriptionId, cancellationToken) is { Enabled: false })
        {
            return DisabledProblem();
        }

        if (!await deliveries.ReplayAsync(id, clock.GetUtcNow(), cancellationToken))
        {
            // Resetting it now would let a second attempt run beside the one in flight.
            return ProblemResults.Conflict("An attempt of this delivery is in progress; replay it once the attempt has finished.");
        }

        signal.Notify();
        return Results.Accepted($"/api/v1/deliveries/{id}");
    }

    private static async Task<IResult> RecoverAsync(
        Guid id, RecoverRequest? request, ClaimsPrincipal user, ISubscriptionStore subscriptions, IDeliveryStore deliveries, DeliverySignal signal,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var subscription = await SubscriptionEndpoints.VisibleSubscriptionAsync(id, user, subscriptions, cancellationToken);
        if (subscription is null)
        {
            return SubscriptionEndpoints.NoSubscription();
        }

        var now = clock.GetUtcNow();
        if (request?.Since is not { } text
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)
            || since > now)
        {
            return ProblemResults.Validation(new Dictionary<string, string[]>
            {
                ["since"] = ["Required: an ISO 8601 date and time, not in the future (e.g. 2030-01-31T00:00:00Z)."],
            });
        }

        if (!subscription.Enabled)
        {
            return DisabledProblem();
        }

        var recovered = await deliveries.RecoverAsync(id, since, now, cancellationToken);
        signal.Notify();
        return Results.Accepted($"/api/v1/hosts/{subscription.HostId}/deliveries?subscriptionId={id}", new RecoverResponse(id, since, recovered));
    }

    private static IResult DisabledProblem() => ProblemResults.Conflict("The subscription is disabled; enable it first.");

    private static IResult NoDelivery() => ProblemResults.NotFound("No delivery with this id.");
}
