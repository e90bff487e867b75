namespace SafetyReports.Portal.Pages.Portal;

/// <summary>
/// A host's webhook deliveries with every attempt, filtered by status, subscription or report; replay one (partial
/// <c>_Deliveries</c>). An admin's page names the host in its route; a host user's page is always their own host.
/// </summary>
public abstract class DeliveriesPageModel(NotificationClient notification) : PortalPageModel
{
    public string? HostId { get; private set; }

    public DeliveryFilter Filter { get; private set; } = new(null, null, null);

    public IReadOnlyList<DeliveryView> Deliveries { get; private set; } = [];

    public bool Loaded { get; private set; }

    /// <summary>This page's URL without filters (the filter form's action; replays return to it with the filters).</summary>
    public abstract string PagePath { get; }

    /// <summary>The page of a report a delivery was about.</summary>
    public abstract string ReportUrl(Guid reportId);

    /// <summary>The host the page is about, from the route value <paramref name="hostId"/> (admins) or the user (host users).</summary>
    protected abstract string? HostIdFor(string? hostId);

    public async Task<IActionResult> OnGetAsync(string? hostId, string? status, Guid? subscriptionId, Guid? reportId, string? done, CancellationToken cancellationToken)
    {
        ShowDone(done);
        return await LoadAsync(hostId, status, subscriptionId, reportId, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostReplayAsync(
        string? hostId, Guid deliveryId, string? status, Guid? subscriptionId, Guid? reportId, CancellationToken cancellationToken)
    {
        HostId = HostIdFor(hostId);
        var result = await notification.ReplayAsync(deliveryId, cancellationToken);
        if (result.IsOk)
        {
            return Redirect(UrlQuery.Append(PagePath + new DeliveryFilter(Statuses(status), subscriptionId, reportId).ToQueryString(), "done", "replayed"));
        }

        return await ShowProblemAsync(result.Problem!) ?? await LoadAsync(hostId, status, subscriptionId, reportId, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(string? hostId, string? status, Guid? subscriptionId, Guid? reportId, CancellationToken cancellationToken)
    {
        HostId = HostIdFor(hostId);
        Filter = new DeliveryFilter(Statuses(status), subscriptionId, reportId);
        var deliveries = await notification.DeliveriesAsync(HostId, Filter, cancellationToken);
        if (!deliveries.IsOk)
        {
            if (deliveries.Problem!.Outcome == ApiOutcome.NotFound)
            {
                Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status404NotFound;
            }

            return await ShowProblemAsync(deliveries.Problem, "status");
        }

        Deliveries = deliveries.Value!.Items;
        Loaded = true;
        return null;
    }

    private static string? Statuses(string? status) => WebhookEventNames.DeliveryStatuses.Contains(status ?? "") ? status : null;
}
