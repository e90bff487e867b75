namespace SafetyReports.Portal.Pages.Portal;

/// <summary>
/// A host's webhook subscriptions (partial <c>_Subscriptions</c>): create, enable or disable, rotate the secret (shown
/// once, in this response), send a test, recover failed deliveries since a time, edit the URL, events and model
/// patterns. An admin's page names the host in its route; a host user's page is always their own host. The
/// Notification API decides either way: a host's token reaches only that host's subscriptions.
/// </summary>
public abstract class SubscriptionsPageModel(NotificationClient notification) : PortalPageModel
{
    public HostView? Host { get; private set; }

    /// <summary>A new or rotated secret: shown in this response only.</summary>
    public SubscriptionSecret? Secret { get; private set; }

    public bool SecretIsRotation { get; private set; }

    /// <summary>The subscription whose recover form was posted (for its field error).</summary>
    public Guid? ActiveSubscription { get; private set; }

    /// <summary>The subscription whose edit form was posted and refused: that form shows what was typed and the field errors.</summary>
    public Guid? EditedSubscription { get; private set; }

    [BindProperty(Name = "url")]
    public string? WebhookUrl { get; set; }

    [BindProperty]
    public List<string> Events { get; set; } = [];

    [BindProperty]
    public string? ModelPatterns { get; set; }

    [BindProperty]
    public string? Since { get; set; }

    /// <summary>Where this page's forms post and its successes return to.</summary>
    public string FormPath => PageUrl(Host?.Id);

    /// <summary>The host's delivery log, or one subscription's.</summary>
    public abstract string DeliveriesUrl(Guid? subscriptionId);

    /// <summary>The host the page is about, from the route value <paramref name="hostId"/> (admins) or the user (host users).</summary>
    protected abstract string? HostIdFor(string? hostId);

    protected abstract string PageUrl(string? hostId);

    public async Task<IActionResult> OnGetAsync(string? hostId, string? done, CancellationToken cancellationToken)
    {
        ShowDone(done);
        return await LoadAsync(hostId, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostCreateSubscriptionAsync(string? hostId, CancellationToken cancellationToken)
    {
        var patterns = Admin.SubscriptionPatterns.Parse(ModelPatterns);
        var result = await notification.CreateSubscriptionAsync(HostIdFor(hostId), new CreateSubscriptionBody(WebhookUrl?.Trim() ?? "", Events, patterns), cancellationToken);
        if (result.IsOk)
        {
            Secret = result.Value;
            WebhookUrl = null;
            ModelPatterns = null;
            Events = [];
            Response.Headers.CacheControl = "no-store";
        }
        else if (await ShowProblemAsync(result.Problem!, "url", "events", "modelPatterns") is { } stop)
        {
            return stop;
        }

        return await LoadAsync(hostId, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostEditAsync(string? hostId, Guid subscriptionId, CancellationToken cancellationToken)
    {
        var body = new EditSubscriptionBody(WebhookUrl?.Trim() ?? "", Events, Admin.SubscriptionPatterns.Parse(ModelPatterns));
        var result = await notification.EditSubscriptionAsync(subscriptionId, body, cancellationToken);
        if (result.IsOk)
        {
            return Redirect(PageUrl(HostIdFor(hostId)) + "?done=subscription_edited");
        }

        EditedSubscription = subscriptionId;
        return await ShowProblemAsync(result.Problem!, "url", "events", "modelPatterns") ?? await LoadAsync(hostId, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(string? hostId, Guid subscriptionId, CancellationToken cancellationToken) =>
        await FinishAsync(hostId, (await notification.EnableAsync(subscriptionId, cancellationToken)).Problem, "subscription_enabled", cancellationToken);

    public async Task<IActionResult> OnPostDisableAsync(string? hostId, Guid subscriptionId, CancellationToken cancellationToken) =>
        await FinishAsync(hostId, (await notification.DisableAsync(subscriptionId, cancellationToken)).Problem, "subscription_disabled", cancellationToken);

    public async Task<IActionResult> OnPostTestAsync(string? hostId, Guid subscriptionId, CancellationToken cancellationToken) =>
        await FinishAsync(hostId, (await notification.SendTestAsync(subscriptionId, cancellationToken)).Problem, "test_sent", cancellationToken);

    public async Task<IActionResult> OnPostRotateAsync(string? hostId, Guid subscriptionId, CancellationToken cancellationToken)
    {
        var result = await notification.RotateSecretAsync(subscriptionId, cancellationToken);
        if (result.IsOk)
        {
            Secret = result.Value;
            SecretIsRotation = true;
            Response.Headers.CacheControl = "no-store";
        }
        else if (await ShowProblemAsync(result.Problem!) is { } stop)
        {
            return stop;
        }

        return await LoadAsync(hostId, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostRecoverAsync(string? hostId, Guid subscriptionId, CancellationToken cancellationToken)
    {
        ActiveSubscription = subscriptionId;
        var result = await notification.RecoverAsync(subscriptionId, new RecoverBody(Since?.Trim() ?? ""), cancellationToken);
        if (result.IsOk)
        {
            Notice = Text["Recovered", result.Value!.Recovered];
            Since = null;
        }
        else if (await ShowProblemAsync(result.Problem!, "since") is { } stop)
        {
            return stop;
        }

        return await LoadAsync(hostId, cancellationToken) ?? Page();
    }

    private async Task<IActionResult> FinishAsync(string? hostId, ApiProblem? problem, string done, CancellationToken cancellationToken)
    {
        if (problem is null)
        {
            return Redirect(PageUrl(HostIdFor(hostId)) + $"?done={done}");
        }

        return await ShowProblemAsync(problem) ?? await LoadAsync(hostId, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(string? hostId, CancellationToken cancellationToken)
    {
        var host = await notification.GetHostAsync(HostIdFor(hostId), cancellationToken);
        if (!host.IsOk)
        {
            if (host.Problem!.Outcome == ApiOutcome.NotFound)
            {
                Response.StatusCode = StatusCodes.Status404NotFound;
            }

            return await ShowProblemAsync(host.Problem);
        }

        Host = host.Value;
        return null;
    }
}
