using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SafetyReports.Contracts;
using SafetyReports.Notification.Webhooks;
using SafetyReports.Notification.Domain;
using SafetyReports.Notification.Storage;
using SafetyReports.ServiceDefaults.Hosting;
using SafetyReports.ServiceDefaults.Messaging;
using SafetyReports.ServiceDefaults.Security;

namespace SafetyReports.Notification.Api;

public static class NotificationEndpoints
{
    public const int MaxNoteLength = 2_000;

    public static void MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1").RequireAuthorization(Scopes.NotificationsAdmin).WithTags("Hosts and subscriptions");
        admin.MapPost("/hosts", CreateHostAsync);
        admin.MapGet("/hosts/{hostId}", GetHostAsync);
        admin.MapPost("/hosts/{hostId}/subscriptions", CreateSubscriptionAsync);
        admin.MapPost("/subscriptions/{id:guid}/rotate-secret", RotateSecretAsync);
        admin.MapGet("/hosts/{hostId}/deliveries", DeliveriesAsync);
        admin.MapPost("/deliveries/{id:guid}/replay", ReplayAsync);

        var host = app.MapGroup("/api/v1/host").RequireAuthorization(Scopes.Host).WithTags("Host API");
        host.MapPost("/reports/{id:guid}/acknowledge", AcknowledgeAsync);
    }

    private static async Task<IResult> CreateHostAsync(CreateHostRequest request, INotificationStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = HostRequestValidator.Validate(request);
        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        var host = new ModelHost(request.Id!, request.Name!.Trim(), request.ContactEmail!.Trim(), clock.GetUtcNow());
        return await store.AddHostAsync(host, cancellationToken)
            ? Results.Created($"/api/v1/hosts/{host.Id}", new HostView(host.Id, host.Name, host.ContactEmail, host.CreatedAt, []))
            : ProblemResults.Conflict($"A host with id '{host.Id}' exists.");
    }

    private static async Task<IResult> GetHostAsync(string hostId, INotificationStore store, CancellationToken cancellationToken)
    {
        var host = await store.GetHostAsync(hostId, cancellationToken);
        if (host is null)
        {
            return ProblemResults.NotFound("No host with this id.");
        }

        var subscriptions = await store.GetSubscriptionsAsync(hostId, cancellationToken);
        return Results.Ok(new HostView(host.Id, host.Name, host.ContactEmail, host.CreatedAt, subscriptions.Select(SubscriptionView.From).ToList()));
    }

    private static async Task<IResult> CreateSubscriptionAsync(
        string hostId, CreateSubscriptionRequest request, INotificationStore store, WebhookTargetValidator targets,
        WebhookSecretProtector protector, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await store.GetHostAsync(hostId, cancellationToken) is null)
        {
            return ProblemResults.NotFound("No host with this id.");
        }

        var errors = HostRequestValidator.ValidateSubscription(request);
        if (await targets.ValidateAsync(request.Url, cancellationToken) is { } urlProblem)
        {
            errors["url"] = [urlProblem];
        }

        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        var secret = WebhookSecret.Generate();
        var patterns = request.ModelPatterns is { Count: > 0 } given ? given.Select(p => p!).ToList() : ["**"];
        var subscription = new Subscription(Guid.CreateVersion7(), hostId, request.Url!, request.Events!.Select(e => e!).Distinct().ToList(),
            patterns, protector.Protect(secret), true, clock.GetUtcNow());
        await store.AddSubscriptionAsync(subscription, cancellationToken);
        return Results.Created($"/api/v1/subscriptions/{subscription.Id}",
            new SubscriptionSecretResponse(subscription.Id, secret, SubscriptionView.From(subscription)));
    }

    private static async Task<IResult> RotateSecretAsync(Guid id, INotificationStore store, WebhookSecretProtector protector, CancellationToken cancellationToken)
    {
        var subscription = await store.GetSubscriptionAsync(id, cancellationToken);
        if (subscription is null)
        {
            return ProblemResults.NotFound("No subscription with this id.");
        }

        var secret = WebhookSecret.Generate();
        await store.SetSubscriptionSecretAsync(id, protector.Protect(secret), cancellationToken);
        return Results.Ok(new SubscriptionSecretResponse(id, secret, SubscriptionView.From(subscription)));
    }

    private static async Task<IResult> DeliveriesAsync(string hostId, Guid? reportId, INotificationStore store, CancellationToken cancellationToken)
    {
        if (await store.GetHostAsync(hostId, cancellationToken) is null)
        {
            return ProblemResults.NotFound("No host with this id.");
        }

        var deliveries = await store.GetDeliveriesAsync(hostId, reportId, 200, cancellationToken);
        var views = new List<DeliveryView>(deliveries.Count);
        foreach (var d in deliveries)
        {
            var attempts = await store.GetAttemptsAsync(d.Id, cancellationToken);
            views.Add(new DeliveryView(d.Id, d.ReportId, d.SubscriptionId, d.WebhookId, d.EventType, d.Status, d.CreatedAt, d.NextAttemptAt,
                attempts.Select(a => new AttemptView(a.At, a.StatusCode, a.LatencyMs, a.Error, a.ResponseExcerpt)).ToList()));
        }

        return Results.Ok(new { items = views });
    }

    private static async Task<IResult> ReplayAsync(Guid id, INotificationStore store, DeliverySignal signal, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await store.ReplayAsync(id, clock.GetUtcNow(), cancellationToken))
        {
            return ProblemResults.NotFound("No delivery with this id.");
        }

        signal.Notify();
        return Results.Accepted($"/api/v1/deliveries/{id}");
    }

    private static async Task<IResult> AcknowledgeAsync(
        Guid id, AcknowledgeRequest? request, ClaimsPrincipal user, INotificationStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var note = string.IsNullOrWhiteSpace(request?.Note) ? null : request.Note.Trim();
        if (note is { Length: > MaxNoteLength })
        {
            return ProblemResults.Validation(new Dictionary<string, string[]> { ["note"] = [$"At most {MaxNoteLength} characters."] });
        }

        var hostId = user.FindFirst(Scopes.HostIdClaim)?.Value;
        var route = await store.GetRouteAsync(id, cancellationToken);
        if (hostId is null || route is null || route.HostId != hostId)
        {
            // Another host's report looks exactly like one that does not exist.
            return ProblemResults.NotFound("No report with this id was sent to your host.");
        }

        var now = clock.GetUtcNow();
        var result = await store.AcknowledgeAsync(id, note, now,
            OutboxMessage.For(new HostAcknowledged(id, hostId, note, now), now), cancellationToken);
        return result is null
            ? ProblemResults.NotFound("No report with this id was sent to your host.")
            : Results.Ok(new AcknowledgementView(id, result.AcknowledgedAt));
    }
}
