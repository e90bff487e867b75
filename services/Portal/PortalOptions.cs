namespace SafetyReports.Portal;

/// <summary>
/// <c>SafetyReports:Portal</c>: where the portal signs maintainers in and which APIs it calls for them.
/// Empty URLs take their defaults in <see cref="PortalOptionsSetup"/> (the authority, which in Standalone is this process).
/// </summary>
public sealed class PortalOptions
{
    public const string Section = "SafetyReports:Portal";
    public const string DefaultClientId = "safetyreports-portal";

    /// <summary>
    /// How long the portal's access tokens live when Standalone registers its client. Short, because the portal
    /// refreshes them (<see cref="Auth.AccessTokenLifetime.RefreshMargin"/> ahead) and a refresh is where a locked or
    /// deleted maintainer is turned away: this bounds how long such a maintainer keeps the portal.
    /// </summary>
    public static readonly TimeSpan DefaultAccessTokenLifetime = TimeSpan.FromMinutes(5);

    /// <summary>False leaves the portal out entirely (no pages, no schemes); then no client secret is needed.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The OpenID Connect provider; defaults to <c>SafetyReports:Identity:Issuer</c>.</summary>
    public string? Authority { get; set; }

    public string ClientId { get; set; } = DefaultClientId;

    /// <summary>The secret of the portal's confidential client in Identity. Required while the portal is enabled.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Base URL of the Triage API; defaults to the authority (Standalone serves every API there).</summary>
    public string? TriageApi { get; set; }

    public string? NotificationApi { get; set; }

    public string? IdentityApi { get; set; }

    /// <summary>Standalone only (separate services set Identity's <c>Clients:N:AccessTokenLifetime</c>); see <see cref="DefaultAccessTokenLifetime"/>.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = DefaultAccessTokenLifetime;

    /// <summary>How long a signed-in session lasts without use; each use extends it. The access token itself is refreshed with the refresh token.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// Every evidence image on the report page stays blurred, for every maintainer: no click reveals it, and whoever must see it
    /// downloads the file (a portal-wide choice of the operator, for teams that never want such content on screen).
    /// </summary>
    public bool AlwaysBlurImages { get; set; }
}
