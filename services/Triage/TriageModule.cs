using Microsoft.AspNetCore.Builder;

namespace SafetyReports.Triage;

public static class TriageModule
{
    public static WebApplicationBuilder AddTriage(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapTriage(this WebApplication app)
    {
        return app;
    }
}
