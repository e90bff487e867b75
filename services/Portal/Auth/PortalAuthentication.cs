using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using SafetyReports.ServiceDefaults.Storage;

namespace SafetyReports.Portal.Auth;

/// <summary>
/// The portal's sign-in as a backend-for-frontend: an OpenID Connect client (authorization code + PKCE)
/// that keeps the tokens in a server-side session and gives the browser only a cookie holding its key.
/// </summary>
public static class PortalAuthentication
{
    public static void AddPortalAuthentication(this IServiceCollection services, StorageOptions storage)
    {
        // Sessions survive a restart, and with MongoDB every replica sees them (docs/portal.md).
        services.AddSingleton<ISessionCache>(sp => SessionCacheFactory.Create(storage, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IDistributedCache>(sp => sp.GetRequiredService<ISessionCache>());
        services.AddStoreHealthCheck<ISessionCache>("portal-sessions");

        services.AddSingleton<ITicketStore, PortalTicketStore>();
        services.AddSingleton<SessionTokenRefresher>();

        // No default scheme is set here: the process default stays the APIs' bearer scheme.
        services.AddAuthentication()
            .AddCookie(PortalSchemes.Cookie)
            .AddOpenIdConnect(PortalSchemes.OpenIdConnect, _ => { });

        services.AddOptions<CookieAuthenticationOptions>(PortalSchemes.Cookie)
            .Configure<ITicketStore, SessionTokenRefresher, IOptions<PortalOptions>>((o, store, refresher, portal) =>
            {
                o.Cookie.Name = PortalSchemes.CookieName;
                o.Cookie.Path = PortalSchemes.BasePath;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.SessionStore = store;
                o.ExpireTimeSpan = portal.Value.SessionIdleTimeout;
                o.SlidingExpiration = true;
                o.AccessDeniedPath = PortalSchemes.ForbiddenPath;
                // Anonymous visitors of a portal page go to the provider's sign-in page.
                o.ForwardChallenge = PortalSchemes.OpenIdConnect;
                o.Events.OnValidatePrincipal = refresher.ValidateAsync;
                var forbidden = o.Events.OnRedirectToAccessDenied;
                o.Events.OnRedirectToAccessDenied = context =>
                {
                    if (PortalUser.LandingInsteadOfForbidden(context.HttpContext.User, context.Request.Path) is { } landing)
                    {
                        context.Response.Redirect(landing);
                        return Task.CompletedTask;
                    }

                    return forbidden(context);
                };
            });

        services.AddOptions<OpenIdConnectOptions>(PortalSchemes.OpenIdConnect)
            .Configure<IOptions<PortalOptions>>((o, portalOptions) =>
            {
                var portal = portalOptions.Value;
                o.SignInScheme = PortalSchemes.Cookie;
                o.SignOutScheme = PortalSchemes.Cookie;
                o.Authority = portal.Authority;
                // The APIs trust the configured issuer over plain http in development and Standalone; the portal follows it.
                o.RequireHttpsMetadata = portal.Authority!.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
                o.ClientId = portal.ClientId;
                o.ClientSecret = portal.ClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                // The code comes back in a plain redirect: form_post needs a script (or a click) on the provider's answer page.
                o.ResponseMode = "query";
                o.PushedAuthorizationBehavior = PushedAuthorizationBehavior.Disable;
                o.CallbackPath = PortalSchemes.CallbackPath;
                o.SignedOutCallbackPath = PortalSchemes.SignedOutCallbackPath;
                o.RemoteSignOutPath = PortalSchemes.RemoteSignOutPath;
                o.Events.OnRemoteSignOut = RemoteSignOutCheck.RequireTheSessionsSidAsync;
                o.SignedOutRedirectUri = PortalSchemes.SignedOutPath;
                o.Scope.Clear();
                foreach (var scope in PortalSchemes.RequestedScopes)
                {
                    o.Scope.Add(scope);
                }

                o.SaveTokens = true;
                o.GetClaimsFromUserInfoEndpoint = false;
                o.MapInboundClaims = false;
                o.TokenValidationParameters.NameClaimType = "name";
                o.TokenValidationParameters.RoleClaimType = Roles.ClaimType;
                o.DisableTelemetry = true;
                // The provider's answer is a top-level GET navigation, so Lax cookies come back with it (and work over http in development).
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Events.OnRemoteFailure = context =>
                {
                    context.HandleResponse();
                    context.Response.Redirect(PortalSchemes.SignedOutPath + "?failed=1");
                    return Task.CompletedTask;
                };
            });

        services.AddAuthorization(PortalPolicies.Add);
    }
}
