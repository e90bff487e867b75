namespace SafetyReports.Portal.Pages.Portal.Host;

/// <summary><c>/portal/host/deliveries</c>: the user's own host's webhook deliveries with every attempt; replay one (<see cref="DeliveriesPageModel"/>).</summary>
public sealed class DeliveriesModel(NotificationClient notification) : DeliveriesPageModel(notification)
{
    public const string Path = "/portal/host/deliveries";

    public override string PagePath => Path;

    public override string ReportUrl(Guid reportId) => $"/portal/host/reports/{reportId}";

    /// <summary>Always the user's own host, whatever a request names.</summary>
    protected override string? HostIdFor(string? hostId) => OwnHostId;
}
