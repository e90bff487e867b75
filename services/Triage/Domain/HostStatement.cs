namespace SafetyReports.Triage.Domain;

/// <summary>
/// The host's latest statement of reasons on a report (EU DSA Art. 17), as the host API received it.
/// <see cref="Revision"/> counts the host's different responses from 1; a later one supersedes an earlier one.
/// The fields after <see cref="RespondedAt"/> are the EU DSA Transparency Database's, each optional (see <see cref="Contracts.HostResponded"/>).
/// </summary>
public sealed record HostStatement(
    int Revision,
    string Action,
    string? Scope,
    DateTimeOffset? Until,
    string Grounds,
    bool Automated,
    string? Note,
    DateTimeOffset RespondedAt,
    string? DecisionGround = null,
    string? LegalGround = null,
    string? TermsReference = null,
    IReadOnlyList<string>? TerritorialScope = null,
    bool? AutomatedDetection = null,
    bool? AutomatedDecision = null,
    string? Redress = null);
