using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;

namespace SafetyReports.ServiceDefaults.Security;

public static class TokenValidationExtensions
{
    /// <summary>The Identity service's own URL: where the APIs look for the issuer when none is configured.</summary>
    public const string DefaultIssuer = "http://localhost:5100/";

    /// <summary>
    /// Every API validates access tokens against the configured issuer's discovery document and
    /// signing keys, so any OIDC provider that issues JWT access tokens can take Identity's place.
    /// </summary>
    public static WebApplicationBuilder AddTokenValidation(this WebApplicationBuilder builder)
    {
        var issuer = builder.Configuration.GetSection(IdentityAuthorityOptions.Section).Get<IdentityAuthorityOptions>()?.Issuer;
        if (string.IsNullOrWhiteSpace(issuer))
        {
            issuer = DefaultIssuer;
        }

        builder.Services.AddOpenIddict().AddValidation(options =>
        {
            options.SetIssuer(new Uri(issuer, UriKind.Absolute));
            options.UseSystemNetHttp();
            // Tokens only in the Authorization header: a token in a URL gets logged, and reading form
            // bodies for one would make every public form post pay for it before its own limits apply.
            options.UseAspNetCore()
                .DisableAccessTokenExtractionFromBodyForm()
                .DisableAccessTokenExtractionFromQueryString();
        });

        builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        builder.Services.AddAuthorization(options =>
        {
            foreach (var scope in Scopes.All)
            {
                options.AddPolicy(scope, policy => policy
                    .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
                    .RequireAuthenticatedUser()
                    .RequireAssertion(ctx => ctx.User.HasScope(scope)));
            }
        });
        return builder;
    }
}
