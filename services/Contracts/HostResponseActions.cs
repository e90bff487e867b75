namespace SafetyReports.Contracts;

/// <summary>What a host may say it did about a report, in its wire spelling.</summary>
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
