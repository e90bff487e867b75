using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SafetyReports.Intake;
using SafetyReports.Intake.Transparency;

namespace SafetyReports.Standalone;

/// <summary>Unless <c>SafetyReports:Intake:TransparencySource</c> is set, the public page reads the figures from this process itself.</summary>
public static class TransparencySourceWiring
{
    public static void Apply(WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration[$"{IntakeOptions.Section}:{nameof(IntakeOptions.TransparencySource)}"]))
        {
            // Registered before AddIntake, whose own registration (the configured address) then stands aside.
            builder.Services.AddSingleton<ITransparencySourceAddress, OwnTransparencySource>();
        }
    }
}
