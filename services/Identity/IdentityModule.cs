using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using SafetyReports.Identity.Admin;
using OpenIddict.Abstractions;
using SafetyReports.Identity.Keys;
using SafetyReports.Identity.Storage;
using SafetyReports.Identity.Throttling;
using SafetyReports.Identity.Tokens;

namespace SafetyReports.Identity;

/// <summary>
/// The OAuth 2.0 / OpenID Connect server (OpenIddict on SQLite). Token validation for the APIs is
/// configured separately by ServiceDefaults, so it works the same whether Identity runs in the
/// same process or elsewhere.
/// </summary>
public static class IdentityModule
{
    /// <summary>Access tokens live an hour; clients fetch a new one with their credentials.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(1);

    public static WebApplicationBuilder AddIdentityService(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var settings = configuration.GetSection(IdentityServiceOptions.Section).Get<IdentityServiceOptions>() ?? new IdentityServiceOptions();
        var dataDirectory = (configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions()).ResolveDataDirectory();

        services.AddValidatedOptions<IdentityServiceOptions, SeededClientValidator>(configuration, IdentityServiceOptions.Section);
        services.AddSingleton<IValidateOptions<IdentityServiceOptions>, AdminSeedValidator>();
        services.AddSingleton<IValidateOptions<IdentityServiceOptions>, RequestLimitValidator>();
        services.AddSingleton<SignInAttemptLimiter>();
        services.AddRateLimiter(o => o.AddPolicy<string, TokenRequestLimitPolicy>(TokenRequestLimitPolicy.Name));

        // Files are prepared while composing (as ServiceDefaults does for its key ring): OpenIddict
        // takes its keys as instances, and a broken data folder should stop the start right away.
        IdentityDatabase.CreateFileIfMissing(dataDirectory);
        services.AddDbContext<IdentityDbContext>(options => IdentityDatabase.Configure(options, dataDirectory));
        services.AddScoped<ClientSeeder>();
        services.AddMaintainerAccounts();
        services.AddIdentitySite();
        services.AddSingleton<AdminChangeLock>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<ClientAdministration>();
        services.AddHostedService<IdentityDatabaseInitializer>();
        services.AddHostedService<TokenPruner>();
        services.AddHealthChecks().AddCheck<IdentityDatabaseHealthCheck>(IdentityDatabaseHealthCheck.Name, tags: [ServiceDefaultsExtensions.ReadyTag]);

        var keys = new ServerKeyStore(Path.Combine(dataDirectory, ServerKeyStore.FolderName));
        services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(options =>
            {
                options.SetConfigurationEndpointUris(".well-known/openid-configuration")
                    .SetJsonWebKeySetEndpointUris(".well-known/jwks")
                    .SetAuthorizationEndpointUris(AuthorizationEndpoint.Path.TrimStart('/'))
                    .SetEndSessionEndpointUris(EndSessionEndpoint.Path.TrimStart('/'))
                    .SetTokenEndpointUris(TokenEndpoint.Path.TrimStart('/'));

                options.AllowClientCredentialsFlow();
                // Maintainers sign in through first-party clients (the portal): code flow, PKCE always.
                options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                options.AllowRefreshTokenFlow();
                options.RegisterScopes([.. ScopeGrant.OpenIdScopes, .. Scopes.All]);
                options.RegisterClaims(
                [
                    OpenIddictConstants.Claims.Subject, OpenIddictConstants.Claims.Name, OpenIddictConstants.Claims.Email,
                    Roles.ClaimType, Scopes.HostIdClaim,
                ]);
                options.SetAccessTokenLifetime(AccessTokenLifetime);

                // Plain signed JWTs: any API checks them with the published JWKS alone.
                options.DisableAccessTokenEncryption();
                options.AddSigningKey(keys.LoadOrCreateSigningKey());
                options.AddEncryptionKey(keys.LoadOrCreateEncryptionKey());

                if (!string.IsNullOrWhiteSpace(settings.Issuer) && Uri.TryCreate(settings.Issuer, UriKind.Absolute, out var issuer))
                {
                    options.SetIssuer(issuer);
                }

                var aspNetCore = options.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableTokenEndpointPassthrough();
                if (!settings.RequireHttps)
                {
                    // TLS is expected to terminate at a reverse proxy; see README.
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });

        return builder;
    }

    public static WebApplication MapIdentityService(this WebApplication app)
    {
        app.MapIdentitySite();
        app.MapAuthorizationEndpoint();
        app.MapEndSessionEndpoint();
        app.MapTokenEndpoint();
        app.MapIdentityAdminApi();
        return app;
    }
}
