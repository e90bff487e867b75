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
}
