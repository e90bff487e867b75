namespace SafetyReports.Triage.Storage;

/// <summary>The queue's orders; ties are broken by id in the same direction, so cursors never skip or repeat.</summary>
public enum ReportSort
{
    /// <summary>Received time, newest first.</summary>
    Newest,

    /// <summary>Received time, oldest first.</summary>
    Oldest,

    /// <summary>SLA deadline, soonest first.</summary>
    Deadline,
}

public static class ReportSorts
{
    public static readonly IReadOnlyList<string> Names = ["newest", "oldest", "deadline"];

    public static bool TryParse(string? value, out ReportSort sort)
    {
        sort = value switch
        {
            null or "newest" => ReportSort.Newest,
            "oldest" => ReportSort.Oldest,
            "deadline" => ReportSort.Deadline,
            _ => (ReportSort)(-1),
        };
        return Enum.IsDefined(sort);
    }
}
