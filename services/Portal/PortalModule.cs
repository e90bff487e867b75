using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using SafetyReports.Portal.Auth;
using SafetyReports.Portal.Site;


namespace SafetyReports.Portal;

/// <summary>
/// The maintainers' portal under <c>/portal</c>: a backend-for-frontend that signs maintainers in with
/// OpenID Connect, keeps their tokens on the server and calls the Triage, Notification and Identity APIs for them.
/// </summary>
public static class PortalModule
{
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<PortalOptions, PortalOptionsValidator>(builder.Configuration, PortalOptions.Section);
        services.AddSingleton<IPostConfigureOptions<PortalOptions>, PortalOptionsSetup>();
        if (!IsEnabled(builder.Configuration))
        {
            return builder;
        }

        services.AddPortalAuthentication(StorageOptions.FromConfiguration(builder.Configuration));
        services.AddPortalApiClients();
        services.AddPortalSite();
        return builder;
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        if (IsEnabled(app.Configuration))
        {
            app.MapPortalSite();
        }

        return app;
    }

    private static bool IsEnabled(IConfiguration configuration) => configuration.GetValue($"{PortalOptions.Section}:Enabled", true);
}
