namespace SafetyReports.Portal.Clients;

/// <summary>The deliveries page's filters, passed on to <c>GET /api/v1/hosts/{hostId}/deliveries</c>.</summary>
public sealed record DeliveryFilter(string? Status, Guid? SubscriptionId, Guid? ReportId)
{
    public string ToQueryString() => UrlQuery.Build(
    [
        ("status", Status),
        ("subscriptionId", SubscriptionId?.ToString()),
        ("reportId", ReportId?.ToString()),
    ]);
}
