namespace SafetyReports.Contracts;

/// <summary>
/// The host of the reported model gave (or revised) its statement of reasons through the host API.
/// <paramref name="Revision"/> counts the host's different responses to this report from 1: a repeated
/// message carries the same revision, and a later revision supersedes an earlier one. The fields after
/// <paramref name="RespondedAt"/> are those of the EU DSA Transparency Database that apply; each is optional,
/// and a message from before they existed has none of them.
/// </summary>
/// <param name="Action"><c>removed</c>, <c>restricted</c>, <c>mitigated</c>, <c>disputed</c> or <c>no_action</c>.</param>
/// <param name="Until">When a temporary measure ends; null when it does not.</param>
/// <param name="DecisionGround"><c>illegal_content</c> or <c>incompatible_with_terms</c>.</param>
/// <param name="TerritorialScope">ISO 3166-1 alpha-2 codes, or the single value <c>worldwide</c>.</param>
/// <param name="Redress">How to appeal the decision to the host.</param>
/// <param name="OfCopy">The host is not the one the report names but one serving a copy of the model (<see cref="ReportReachedHost"/>):
/// Triage keeps it on that host's entry, and the reporter's receipt shows only the named host's response. Optional and last: a
/// message from an older sender is about the named host.</param>
public sealed record HostResponded(
    Guid ReportId,
    string HostId,
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
    string? Redress = null,
    bool OfCopy = false);
