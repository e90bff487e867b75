using Microsoft.AspNetCore.Builder;

namespace SafetyReports.Intake;

public static class IntakeModule
{
    public static WebApplicationBuilder AddIntake(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapIntake(this WebApplication app)
    {
        return app;
    }
}
