namespace SafetyReports.Portal.Pages.Portal.Admin;

/// <summary><c>/portal/admin/hosts/{hostId}/deliveries</c>: a host's webhook deliveries with every attempt; replay one (<see cref="DeliveriesPageModel"/>).</summary>
public sealed class DeliveriesModel(NotificationClient notification) : DeliveriesPageModel(notification)
{
    /// <summary>The route's host id as typed: a blank one binds as none, and its page still names it.</summary>
    public string RouteHostId => HostId ?? (string)RouteData.Values["hostId"]!;

    public override string PagePath => ApiPath.HostPage(HostId, "/deliveries");

    public override string ReportUrl(Guid reportId) => $"/portal/reports/{reportId}";

    protected override string? HostIdFor(string? hostId) => hostId;
}
