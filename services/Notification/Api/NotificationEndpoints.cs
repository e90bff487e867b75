namespace SafetyReports.Notification.Api;

public static class NotificationEndpoints
{
    public static void MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHostAndSubscriptionEndpoints();
        app.MapDeliveryEndpoints();
        app.MapHostApiEndpoints();
        app.MapNoticeEndpoints();
        app.MapModelEndpoints();
    }
}
