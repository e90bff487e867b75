namespace SafetyReports.Triage.Domain;

/// <summary>
/// The host's latest statement of reasons on a report (EU DSA Art. 17), as the host API received it.
/// <see cref="Revision"/> counts the host's different responses from 1; a later one supersedes an earlier one.
/// </summary>
public sealed record HostStatement(
    int Revision,
    string Action,
    string? Scope,
    DateTimeOffset? Until,
    string Grounds,
    bool Automated,
    string? Note,
    DateTimeOffset RespondedAt);
