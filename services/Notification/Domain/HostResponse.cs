using SafetyReports.Contracts;

namespace SafetyReports.Notification.Domain;

/// <summary>
/// A host's statement of reasons about a report (EU DSA Art. 17): what it did, to what extent and
/// until when, on which grounds, and whether the decision was automated.
/// </summary>
/// <param name="Action">One of <see cref="HostResponseActions.All"/>.</param>
/// <param name="Scope">What the action covers (e.g. "the repository, worldwide").</param>
/// <param name="Until">When a temporary measure ends; null when it does not.</param>
public sealed record HostResponse(string Action, string? Scope, DateTimeOffset? Until, string Grounds, bool Automated, string? Note);
