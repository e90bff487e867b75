namespace SafetyReports.Contracts;

/// <summary>
/// The host of the reported model gave (or revised) its statement of reasons through the host API.
/// <paramref name="Revision"/> counts the host's different responses to this report from 1: a repeated
/// message carries the same revision, and a later revision supersedes an earlier one.
/// </summary>
/// <param name="Action"><c>removed</c>, <c>restricted</c>, <c>mitigated</c>, <c>disputed</c> or <c>no_action</c>.</param>
/// <param name="Until">When a temporary measure ends; null when it does not.</param>
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
    DateTimeOffset RespondedAt);
