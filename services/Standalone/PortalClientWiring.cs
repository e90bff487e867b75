using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SafetyReports.Identity.Configuration;
using SafetyReports.Portal;
using SafetyReports.Portal.Auth;
using SafetyReports.ServiceDefaults.Security;

namespace SafetyReports.Standalone;

/// <summary>
/// In one process the Portal signs in against the Identity beside it, so Standalone registers the
/// Portal's OAuth client itself: redirect URIs under the issuer (Standalone's public URL), and a secret
/// from configuration or, when none is set, a fresh random one per start (seeded clients are written
/// again at every start, so both sides always agree). Nothing is hard-coded.
/// </summary>
public static class PortalClientWiring
{
    public static void Apply(WebApplicationBuilder builder)
    {
        var portal = builder.Configuration.GetSection(PortalOptions.Section);
        if (!portal.GetValue(nameof(PortalOptions.Enabled), true))
        {
            return;
        }

        var clientId = portal[nameof(PortalOptions.ClientId)] is { Length: > 0 } id ? id : PortalOptions.DefaultClientId;
        var lifetime = portal.GetValue<TimeSpan?>(nameof(PortalOptions.AccessTokenLifetime)) ?? PortalOptions.DefaultAccessTokenLifetime;
        var secret = portal[nameof(PortalOptions.ClientSecret)];
        if (string.IsNullOrEmpty(secret))
        {
            secret = SecretHasher.NewToken();
            builder.Configuration.AddInMemoryCollection([new($"{PortalOptions.Section}:{nameof(PortalOptions.ClientSecret)}", secret)]);
        }

        var issuer = builder.Configuration[$"{IdentityServiceOptions.Section}:{nameof(IdentityServiceOptions.Issuer)}"]!.TrimEnd('/') + "/";
        builder.Services.PostConfigure<IdentityServiceOptions>(options =>
        {
            // An operator who seeds the Portal's client explicitly keeps full control of it.
            if (options.Clients.Any(c => c.ClientId == clientId))
            {
                return;
            }

            options.Clients.Add(new SeededClientOptions
            {
                ClientId = clientId,
                ClientSecret = secret,
                // host: for host users' inbox; Identity grants each user only the scopes of their roles.
                Scopes = [Scopes.Triage, Scopes.NotificationsAdmin, Scopes.IdentityAdmin, Scopes.Host],
                RedirectUris = [issuer + PortalSchemes.CallbackPath.TrimStart('/')],
                PostLogoutRedirectUris = [issuer + PortalSchemes.SignedOutCallbackPath.TrimStart('/')],
                AccessTokenLifetime = lifetime,
            });
        });
    }
}
