namespace SafetyReports.Portal.Dashboard;

/// <summary>The first reports of a dashboard section, and how many there are in all (null when the count could not be had).</summary>
public sealed record DashboardSection(IReadOnlyList<ReportListItem> Items, long? Total)
{
    public static DashboardSection? From(ApiResult<ReportListPage> page, long? total) =>
        page.Value is { } value ? new DashboardSection(value.Items, total) : null;
}
