namespace SafetyReports.Identity.Configuration;

/// <summary>
/// The Identity service's own settings, bound from <c>SafetyReports:Identity</c>.
/// </summary>
public sealed class IdentityServiceOptions
{
    public const string Section = "SafetyReports:Identity";

    /// <summary>The issuer written into tokens; when empty, OpenIddict uses the request's scheme and host.</summary>
    public string? Issuer { get; set; }

    /// <summary>
    /// Refuse plain-HTTP requests to the OAuth endpoints. Off by default because TLS is expected to
    /// terminate at a reverse proxy in front of the service (and tests and local runs use http://127.0.0.1).
    /// </summary>
    public bool RequireHttps { get; set; }

    /// <summary>OAuth clients created or updated at start.</summary>
    public List<SeededClientOptions> Clients { get; set; } = [];

    /// <summary>The first admin, seeded while no admin exists.</summary>
    public AdminSeedOptions Admin { get; set; } = new();

    /// <summary>Per-client-address limits on signing in and on token requests.</summary>
    public RequestLimitOptions RateLimit { get; set; } = new();

    /// <summary>The only clients that may hold the evidence scopes.</summary>
    public EvidenceClientOptions EvidenceClients { get; set; } = new();
}
