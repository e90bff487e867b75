using SafetyReports.Notification.Storage;

namespace SafetyReports.Notification.Api;

/// <summary>Hosts (admins only) and their subscriptions (admins, and each host's own client for its host).</summary>
public static class SubscriptionEndpoints
{
    /// <summary>Hosts manage their own subscriptions: a bound keeps one host from filling the store.</summary>
    public const int MaxSubscriptionsPerHost = 20;

    public static void MapHostAndSubscriptionEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1").RequireAuthorization(Scopes.NotificationsAdmin).WithTags("Hosts and subscriptions");
        admin.MapPost("/hosts", CreateHostAsync);
        admin.MapGet("/hosts", ListHostsAsync);

        var managed = app.MapGroup("/api/v1").RequireAuthorization(HostAccess.AdminOrHostPolicy).WithTags("Hosts and subscriptions");
        managed.MapGet("/hosts/{hostId}", GetHostAsync);
        managed.MapPost("/hosts/{hostId}/subscriptions", CreateSubscriptionAsync);
        managed.MapGet("/hosts/{hostId}/subscriptions", ListSubscriptionsAsync);
        managed.MapGet("/subscriptions/{id:guid}", GetSubscriptionAsync);
        managed.MapPatch("/subscriptions/{id:guid}", UpdateSubscriptionAsync);
        managed.MapPost("/subscriptions/{id:guid}/enable", EnableAsync);
        managed.MapPost("/subscriptions/{id:guid}/disable", DisableAsync);
        managed.MapPost("/subscriptions/{id:guid}/rotate-secret", RotateSecretAsync);
        managed.MapPost("/subscriptions/{id:guid}/test", SendTestAsync);
    }

    /// <summary>The subscription if the caller may manage its host; otherwise it does not exist for them.</summary>
    public static async Task<Subscription?> VisibleSubscriptionAsync(
        Guid id, ClaimsPrincipal user, ISubscriptionStore subscriptions, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.GetSubscriptionAsync(id, cancellationToken);
        return subscription is not null && HostAccess.CanManage(user, subscription.HostId) ? subscription : null;
    }

    public static IResult NoSubscription() => ProblemResults.NotFound("No subscription with this id.");

    public static IResult NoHost() => ProblemResults.NotFound("No host with this id.");

    private static async Task<IResult> CreateHostAsync(
        CreateHostRequest request, IHostStore hosts, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = HostRequestValidator.Validate(request);
        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        var host = new ModelHost(request.Id!, request.Name!.Trim(), request.ContactEmail!.Trim(), clock.GetUtcNow());
        return await hosts.AddHostAsync(host, cancellationToken)
            ? Results.Created($"/api/v1/hosts/{host.Id}", new HostView(host.Id, host.Name, host.ContactEmail, host.CreatedAt, []))
            : ProblemResults.Conflict($"A host with id '{host.Id}' exists.");
    }

    private static async Task<IResult> ListHostsAsync(IHostStore hosts, CancellationToken cancellationToken)
    {
        var all = await hosts.GetHostsAsync(cancellationToken);
        return Results.Ok(new HostListResponse(all.Select(h => new HostSummary(h.Id, h.Name, h.ContactEmail, h.CreatedAt)).ToList()));
    }

    private static async Task<IResult> GetHostAsync(
        string hostId, ClaimsPrincipal user, IHostStore hosts, ISubscriptionStore subscriptions, CancellationToken cancellationToken)
    {
        var host = HostAccess.CanManage(user, hostId) ? await hosts.GetHostAsync(hostId, cancellationToken) : null;
        if (host is null)
        {
            return NoHost();
        }

        var hostSubscriptions = await subscriptions.GetSubscriptionsAsync(hostId, cancellationToken);
        return Results.Ok(new HostView(host.Id, host.Name, host.ContactEmail, host.CreatedAt, hostSubscriptions.Select(SubscriptionView.From).ToList()));
    }

    private static async Task<IResult> ListSubscriptionsAsync(
        string hostId, ClaimsPrincipal user, IHostStore hosts, ISubscriptionStore subscriptions, CancellationToken cancellationToken)
    {
        if (!HostAccess.CanManage(user, hostId) || await hosts.GetHostAsync(hostId, cancellationToken) is null)
        {
            return NoHost();
        }

        var hostSubscriptions = await subscriptions.GetSubscriptionsAsync(hostId, cancellationToken);
        return Results.Ok(new { items = hostSubscriptions.Select(SubscriptionView.From).ToList() });
    }

    private static async Task<IResult> CreateSubscriptionAsync(
        string hostId, CreateSubscriptionRequest request, ClaimsPrincipal user, IHostStore hosts, ISubscriptionStore subscriptions,
        WebhookTargetValidator targets, WebhookSecretProtector protector, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!HostAccess.CanManage(user, hostId) || await hosts.GetHostAsync(hostId, cancellationToken) is null)
        {
            return NoHost();
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

        if ((await subscriptions.GetSubscriptionsAsync(hostId, cancellationToken)).Count >= MaxSubscriptionsPerHost)
        {
            return ProblemResults.Conflict($"A host has at most {MaxSubscriptionsPerHost} subscriptions; disable and reuse one instead.");
        }

        var secret = WebhookSecret.Generate();
        var patterns = request.ModelPatterns is { Count: > 0 } given ? given.Select(p => p!).ToList() : [SubscriptionEdit.AllModels];
        var subscription = new Subscription(OpaqueId.New(), hostId, request.Url!, request.Events!.Select(e => e!).Distinct().ToList(),
            patterns, protector.Protect(secret), true, clock.GetUtcNow());
        await subscriptions.AddSubscriptionAsync(subscription, cancellationToken);
        return Results.Created($"/api/v1/subscriptions/{subscription.Id}",
            new SubscriptionSecretResponse(subscription.Id, secret, SubscriptionView.From(subscription)));
    }

    private static async Task<IResult> GetSubscriptionAsync(
        Guid id, ClaimsPrincipal user, ISubscriptionStore subscriptions, CancellationToken cancellationToken) =>
        await VisibleSubscriptionAsync(id, user, subscriptions, cancellationToken) is { } subscription
            ? Results.Ok(SubscriptionView.From(subscription))
            : NoSubscription();

    /// <summary>
    /// Validated exactly as at creation; nothing changes unless every given field is valid. Deliveries already pending
    /// go to the new URL at their next attempt (the dispatcher reads the URL at each attempt).
    /// </summary>
    private static async Task<IResult> UpdateSubscriptionAsync(
        Guid id, UpdateSubscriptionRequest request, ClaimsPrincipal user, ISubscriptionStore subscriptions, WebhookTargetValidator targets,
        CancellationToken cancellationToken)
    {
        var subscription = await VisibleSubscriptionAsync(id, user, subscriptions, cancellationToken);
        if (subscription is null)
        {
            return NoSubscription();
        }

        var errors = HostRequestValidator.ValidateUpdate(request);
        if (request.Url is not null && await targets.ValidateAsync(request.Url, cancellationToken) is { } urlProblem)
        {
            errors["url"] = [urlProblem];
        }

        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        var edit = SubscriptionEdit.Of(subscription, request.Url, request.Events?.Select(e => e!).ToList(), request.ModelPatterns?.Select(p => p!).ToList());
        return await subscriptions.EditSubscriptionAsync(edit, cancellationToken)
            ? Results.Ok(SubscriptionView.From((await subscriptions.GetSubscriptionAsync(id, cancellationToken))!))
            : NoSubscription();
    }

    private static async Task<IResult> EnableAsync(
        Guid id, ClaimsPrincipal user, ISubscriptionStore subscriptions, CancellationToken cancellationToken)
    {
        if (await VisibleSubscriptionAsync(id, user, subscriptions, cancellationToken) is null
            || !await subscriptions.EnableSubscriptionAsync(id, cancellationToken))
        {
            return NoSubscription();
        }

        return Results.Ok(SubscriptionView.From((await subscriptions.GetSubscriptionAsync(id, cancellationToken))!));
    }

    private static async Task<IResult> DisableAsync(
        Guid id, ClaimsPrincipal user, ISubscriptionStore subscriptions, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await VisibleSubscriptionAsync(id, user, subscriptions, cancellationToken) is null)
        {
            return NoSubscription();
        }

        // Turned off by hand: nothing to announce, the caller knows.
        await subscriptions.DisableSubscriptionAsync(id, DisabledReasons.Manual, clock.GetUtcNow(), null, cancellationToken);
        return Results.Ok(SubscriptionView.From((await subscriptions.GetSubscriptionAsync(id, cancellationToken))!));
    }

    private static async Task<IResult> RotateSecretAsync(
        Guid id, ClaimsPrincipal user, ISubscriptionStore subscriptions, WebhookSecretProtector protector, IOptions<NotificationOptions> options,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var subscription = await VisibleSubscriptionAsync(id, user, subscriptions, cancellationToken);
        if (subscription is null)
        {
            return NoSubscription();
        }

        var secret = WebhookSecret.Generate();
        var rotated = SigningSecrets.Rotate(subscription, protector.Protect(secret), clock.GetUtcNow(), options.Value.SecretRotationGracePeriod);
        return await subscriptions.RotateSecretAsync(rotated, subscription.ProtectedSecret, cancellationToken)
            ? Results.Ok(new SubscriptionSecretResponse(id, secret, SubscriptionView.From(rotated)))
            : ProblemResults.Conflict("The secret was rotated concurrently; the secret that rotation returned is the current one.");
    }

    private static async Task<IResult> SendTestAsync(
        Guid id, ClaimsPrincipal user, ISubscriptionStore subscriptions, IRouteStore routes, DeliverySignal signal, IOptions<NotificationOptions> options,
        TestSendThrottle throttle, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var subscription = await VisibleSubscriptionAsync(id, user, subscriptions, cancellationToken);
        if (subscription is null)
        {
            return NoSubscription();
        }

        if (throttle.TryAcquire(subscription.Id, clock.GetUtcNow()) is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many test-sends",
                detail: $"At most {throttle.PerWindow} test-sends per subscription per minute; try again in {seconds} s.");
        }

        var delivery = DeliveryPlanner.PlanTest(subscription, options.Value.BuildRetrySchedule(), clock.GetUtcNow());
        await routes.SavePlanAsync(new DeliveryPlan(null, [delivery]), cancellationToken);
        signal.Notify();
        return Results.Accepted($"/api/v1/deliveries/{delivery.Id}", new TestDeliveryResponse(delivery.Id, delivery.WebhookId));
    }
}
