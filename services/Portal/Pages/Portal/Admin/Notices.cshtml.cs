namespace SafetyReports.Portal.Pages.Portal.Admin;

/// <summary><c>/portal/admin/notices</c>: webhook subscriptions Notification disabled on its own, most recent first, each with its host page and an Enable button.</summary>
public sealed class NoticesModel(NotificationClient notification) : PortalPageModel
{
    /// <summary>The most the page lists (the API's maximum); <see cref="Total"/> says how many there are.</summary>
    public const int Limit = 200;

    public IReadOnlyList<SubscriptionNotice>? Notices { get; private set; }

    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        ShowDone(done);
        return await LoadAsync(cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(Guid subscriptionId, CancellationToken cancellationToken)
    {
        var result = await notification.EnableAsync(subscriptionId, cancellationToken);
        if (result.IsOk)
        {
            return Redirect($"{NoticeBanner.NoticesPath}?done=subscription_enabled");
        }

        return await ShowProblemAsync(result.Problem!) ?? await LoadAsync(cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var notices = await notification.NoticesAsync(Limit, cancellationToken);
        if (!notices.IsOk)
        {
            return await ShowProblemAsync(notices.Problem!);
        }

        Notices = notices.Value!.Items;
        Total = notices.Value.Total;
        return null;
    }
}
