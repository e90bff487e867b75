namespace SafetyReports.Notification.Domain;

/// <summary>
/// A host's statement of reasons about a report (EU DSA Art. 17): what it did, to what extent and
/// until when, on which grounds, and whether the decision was automated.
/// </summary>
/// <param name="Action">One of <see cref="HostResponseActions.All"/>.</param>
/// <param name="Scope">What the action covers (e.g. "the repository, worldwide").</param>
/// <param name="Until">When a temporary measure ends; null when it does not.</param>
public sealed record HostResponse(string Action, string? Scope, DateTimeOffset? Until, string Grounds, bool Automated, string? Note);

public static class HostResponseActions
{
    public const string Removed = "removed";
    public const string Restricted = "restricted";
    public const string Mitigated = "mitigated";
    public const string Disputed = "disputed";
    public const string NoAction = "no_action";

    public static readonly IReadOnlyList<string> All = [Removed, Restricted, Mitigated, Disputed, NoAction];

    /// <summary>Actions that change something and must say what (a scope) and may say until when.</summary>
    public static bool TakesMeasure(string action) => action is Removed or Restricted or Mitigated;
}
