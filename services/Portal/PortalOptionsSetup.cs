using Microsoft.Extensions.Configuration;

namespace SafetyReports.Portal;

/// <summary>Fills the defaults that depend on other keys: the authority from the Identity issuer, the API URLs from the authority.</summary>
public sealed class PortalOptionsSetup(IConfiguration configuration) : IPostConfigureOptions<PortalOptions>
{
    public void PostConfigure(string? name, PortalOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Authority))
        {
            var issuer = configuration[$"{IdentityAuthorityOptions.Section}:Issuer"];
            options.Authority = string.IsNullOrWhiteSpace(issuer) ? TokenValidationExtensions.DefaultIssuer : issuer;
        }

        options.IdentityApi = OrDefault(options.IdentityApi, options.Authority);
        options.TriageApi = OrDefault(options.TriageApi, options.Authority);
        options.NotificationApi = OrDefault(options.NotificationApi, options.Authority);
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            options.ClientId = PortalOptions.DefaultClientId;
        }
    }

    private static string OrDefault(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;
}
