using Microsoft.AspNetCore.Builder;

namespace SafetyReports.Notification;

public static class NotificationModule
{
    public static WebApplicationBuilder AddNotification(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapNotification(this WebApplication app)
    {
        return app;
    }
}
