using Microsoft.AspNetCore.Builder;

namespace SafetyReports.Identity;

public static class IdentityModule
{
    public static WebApplicationBuilder AddIdentityService(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapIdentityService(this WebApplication app)
    {
        return app;
    }
}
