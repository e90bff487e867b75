namespace SafetyReports.Portal.Pages.Portal.Host;

/// <summary>
/// <c>/portal/host/subscriptions</c>: the user's own host's webhook subscriptions (<see cref="SubscriptionsPageModel"/>),
/// through the Notification API a host's client may call for its own host.
/// </summary>
public sealed class SubscriptionsModel(NotificationClient notification) : SubscriptionsPageModel(notification)
{
    public const string Path = "/portal/host/subscriptions";

    public override string DeliveriesUrl(Guid? subscriptionId) =>
        DeliveriesModel.Path + (subscriptionId is { } id ? $"?subscriptionId={id}" : "");

    /// <summary>Always the user's own host, whatever a request names.</summary>
    protected override string? HostIdFor(string? hostId) => OwnHostId;

    protected override string PageUrl(string? hostId) => Path;
}
