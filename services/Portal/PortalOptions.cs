namespace SafetyReports.Portal;

/// <summary>
/// <c>SafetyReports:Portal</c>: where the portal signs maintainers in and which APIs it calls for them.
/// Empty URLs take their defaults in <see cref="PortalOptionsSetup"/> (the authority, which in Standalone is this process).
/// </summary>
public sealed class PortalOptions
{
    public const string Section = "SafetyReports:Portal";
    public const string DefaultClientId = "safetyreports-portal";

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

    /// <summary>How long a signed-in session lasts without use; each use extends it. The access token itself is refreshed with the refresh token.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);
}
