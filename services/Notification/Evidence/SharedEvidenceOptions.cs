namespace SafetyReports.Notification.Evidence;

/// <summary>
/// <c>SafetyReports:Notification:EvidenceFiles</c>: where and as whom the host API reads a shared evidence file from Triage
/// (docs/webhooks.md "Shared files"). The client is an OAuth client of Identity with the <c>evidence:shared</c> scope;
/// Standalone registers one itself. Needed only when Intake takes files (<c>SafetyReports:Intake:EvidenceFiles:Enabled</c>).
/// </summary>
public sealed class SharedEvidenceOptions
{
    public const string Section = "SafetyReports:Notification:EvidenceFiles";

    public const string DefaultClientId = EvidenceClients.NotificationDefault;

    /// <summary>Triage's address as Notification reaches it; by default Triage's local one (Standalone: its own address).</summary>
    public string TriageUrl { get; set; } = "http://localhost:5102/";

    public string ClientId { get; set; } = DefaultClientId;

    public string? ClientSecret { get; set; }

    /// <summary>The token endpoint; by default <c>connect/token</c> under <c>SafetyReports:Identity:Issuer</c>.</summary>
    public string? TokenUrl { get; set; }

    public bool IsValid() =>
        Uri.TryCreate(TriageUrl, UriKind.Absolute, out _)
        && !string.IsNullOrWhiteSpace(ClientId)
        && (TokenUrl is null || Uri.TryCreate(TokenUrl, UriKind.Absolute, out _));
}

public sealed class SharedEvidenceOptionsValidator() : OneRuleOptionsValidator<SharedEvidenceOptions>(o => o.IsValid(),
    $"{SharedEvidenceOptions.Section}: TriageUrl an absolute URL, ClientId not empty, TokenUrl an absolute URL when set.");
