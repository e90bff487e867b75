namespace SafetyReports.Portal.Dashboard;

/// <summary>How many reports are open as the queue's <c>status=open</c> means it: every status but resolved, rejected and duplicate.</summary>
public static class OpenCount
{
    private static readonly string[] Closed = [ReportStatuses.Resolved, ReportStatuses.Rejected, ReportStatuses.Duplicate];

    public static long Of(StatusCounts counts) => counts.Total - Closed.Sum(s => counts.Counts.GetValueOrDefault(s));
}
