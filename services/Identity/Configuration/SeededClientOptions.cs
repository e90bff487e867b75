namespace SafetyReports.Identity.Configuration;

/// <summary>
/// One OAuth client from <c>SafetyReports:Identity:Clients:N</c>. A class, not a record, so a
/// generated <c>ToString</c> can never print the secret into a log.
/// </summary>
public sealed class SeededClientOptions
{
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public List<string> Scopes { get; set; } = [];

    /// <summary>The model host this client acts for; required with the <c>host</c> scope.</summary>
    public string? HostId { get; set; }

    /// <summary>Where the authorization endpoint may send a signed-in user back; any makes this an interactive client.</summary>
    public List<string> RedirectUris { get; set; } = [];

    /// <summary>Where <c>/connect/logout</c> may send the browser after signing out.</summary>
    public List<string> PostLogoutRedirectUris { get; set; } = [];

    /// <summary>
    /// How long this client's access tokens live, when shorter than the service's hour
    /// (<c>hh:mm:ss</c>, at least a second). Lets an operator give a risky client short-lived tokens,
    /// and lets tests obtain a genuinely expired token without touching the signing keys.
    /// </summary>
    public TimeSpan? AccessTokenLifetime { get; set; }

    /// <summary>Signs users in (authorization code + PKCE + refresh tokens) instead of using client credentials.</summary>
    public bool IsInteractive => RedirectUris.Count > 0;
}
