namespace SafetyReports.Contracts;

public static class EvidenceKinds
{
    public static readonly IReadOnlyList<string> All = ["prompt", "output", "url", "other"];

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind);
}
