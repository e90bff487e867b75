namespace SafetyReports.Portal.Pages.Portal.Admin;

/// <summary><c>/portal/admin/hosts/{hostId}</c>: one host, its contact and its webhook subscriptions (<see cref="SubscriptionsPageModel"/>).</summary>
public sealed class HostModel(NotificationClient notification) : SubscriptionsPageModel(notification)
{
    public override string DeliveriesUrl(Guid? subscriptionId) =>
        ApiPath.HostPage(Host?.Id, "/deliveries") + (subscriptionId is { } id ? $"?subscriptionId={id}" : "");

    protected override string? HostIdFor(string? hostId) => hostId;

    protected override string PageUrl(string? hostId) => ApiPath.HostPage(hostId);
}
