namespace SafetyReports.ServiceDefaults.Hosting;

/// <summary>Which token issuer the APIs trust; bound from <c>SafetyReports:Identity</c>.</summary>
public sealed class IdentityAuthorityOptions
{
    public const string Section = "SafetyReports:Identity";

    /// <summary>The issuer URL. When empty, the service's own first URL (Standalone hosts Identity itself).</summary>
    public string? Issuer { get; set; }
}
