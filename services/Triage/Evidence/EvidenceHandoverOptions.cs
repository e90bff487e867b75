namespace SafetyReports.Triage.Evidence;

/// <summary>
/// <c>SafetyReports:Triage:EvidenceFiles</c>: where and as whom Triage pulls a submitted report's evidence files from Intake
/// (docs/intake.md "Evidence files"). The client is an OAuth client of Identity with the <c>evidence:read</c> scope;
/// Standalone registers one itself. Needed only when Intake takes files (<c>SafetyReports:Intake:EvidenceFiles:Enabled</c>).
/// </summary>
public sealed class EvidenceHandoverOptions
{
    public const string Section = "SafetyReports:Triage:EvidenceFiles";

    public const string DefaultClientId = ServiceDefaults.Security.EvidenceClients.TriageDefault;

    /// <summary>Intake's address as Triage reaches it; by default Intake's local one (Standalone: its own address).</summary>
    public string IntakeUrl { get; set; } = "http://localhost:5101/";

    public string ClientId { get; set; } = DefaultClientId;

    public string? ClientSecret { get; set; }

    /// <summary>The token endpoint; by default <c>connect/token</c> under <c>SafetyReports:Identity:Issuer</c>.</summary>
    public string? TokenUrl { get; set; }

    public bool IsValid() =>
        Uri.TryCreate(IntakeUrl, UriKind.Absolute, out _)
        && !string.IsNullOrWhiteSpace(ClientId)
        && (TokenUrl is null || Uri.TryCreate(TokenUrl, UriKind.Absolute, out _));
}

public sealed class EvidenceHandoverOptionsValidator() : OneRuleOptionsValidator<EvidenceHandoverOptions>(o => o.IsValid(),
    $"{EvidenceHandoverOptions.Section}: IntakeUrl an absolute URL, ClientId not empty, TokenUrl an absolute URL when set.");
