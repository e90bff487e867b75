namespace SafetyReports.Contracts;

/// <summary>The workflow statuses of the public contract, in their wire spelling.</summary>
public static class ReportStatuses
{
    public const string Received = "received";
    public const string Triaging = "triaging";
    public const string NeedsInfo = "needs_info";
    public const string Triaged = "triaged";
    public const string HostNotified = "host_notified";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";
    public const string Rejected = "rejected";
    public const string Duplicate = "duplicate";

    public static readonly IReadOnlyList<string> All =
        [Received, Triaging, NeedsInfo, Triaged, HostNotified, Acknowledged, Resolved, Rejected, Duplicate];

    public static bool IsKnown(string? status) => status is not null && All.Contains(status);
}
