namespace SafetyReports.Triage.Similarity;

/// <summary>
/// A report and its near-duplicates about the same host and model received within the window around it, oldest first.
/// <see cref="Burst"/>: many of them, from many clients (<see cref="BurstRule"/>).
/// </summary>
public sealed record ReportCluster(IReadOnlyList<Report> Members, DateTimeOffset FirstAt, DateTimeOffset LastAt, int DistinctClients, bool Burst)
{
    public int Size => Members.Count;

    /// <summary>A report alone: nothing similar around it.</summary>
    public bool IsSingle => Members.Count <= 1;
}
