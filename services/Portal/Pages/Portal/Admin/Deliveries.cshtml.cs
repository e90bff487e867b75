using Microsoft.AspNetCore.Mvc;
using SafetyReports.Portal.Api;

namespace SafetyReports.Portal.Pages.Portal.Admin;

/// <summary><c>/portal/admin/hosts/{hostId}/deliveries</c>: a host's webhook deliveries with every attempt; replay one.</summary>
public sealed class DeliveriesModel(NotificationClient notification) : PortalPageModel
{
    public string? HostId { get; private set; }

    public DeliveryFilter Filter { get; private set; } = new(null, null, null);

    public IReadOnlyList<DeliveryView> Deliveries { get; private set; } = [];

    public bool Loaded { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? hostId, string? status, Guid? subscriptionId, Guid? reportId, string? done, CancellationToken cancellationToken)
    {
        ShowDone(done);
        return await LoadAsync(hostId, status, subscriptionId, reportId, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostReplayAsync(
        string? hostId, Guid deliveryId, string? status, Guid? subscriptionId, Guid? reportId, CancellationToken cancellationToken)
    {
        var result = await notification.ReplayAsync(deliveryId, cancellationToken);
        if (result.IsOk)
        {
            var back = ApiPath.HostPage(hostId, "/deliveries") + new DeliveryFilter(Statuses(status), subscriptionId, reportId).ToQueryString();
            return Redirect(SafetyReports.Portal.Queue.UrlQuery.Append(back, "done", "replayed"));
        }

        return await ShowProblemAsync(result.Problem!) ?? await LoadAsync(hostId, status, subscriptionId, reportId, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(string? hostId, string? status, Guid? subscriptionId, Guid? reportId, CancellationToken cancellationToken)
    {
        HostId = hostId;
        Filter = new DeliveryFilter(Statuses(status), subscriptionId, reportId);
        var deliveries = await notification.DeliveriesAsync(hostId, Filter, cancellationToken);
        if (!deliveries.IsOk)
        {
            return await ShowProblemAsync(deliveries.Problem!, "status");
        }

        Deliveries = deliveries.Value!.Items;
        Loaded = true;
        return null;
    }

    private static string? Statuses(string? status) => WebhookEventNames.DeliveryStatuses.Contains(status ?? "") ? status : null;
}
