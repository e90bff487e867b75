namespace SafetyReports.Contracts;

public static class Severities
{
    public static readonly IReadOnlyList<string> All = ["low", "medium", "high", "critical"];

    public static bool IsKnown(string? severity) => severity is not null && All.Contains(severity);
}
