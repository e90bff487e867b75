namespace SafetyReports.Notification.Domain;

/// <summary>
/// What a host may know of a report: the fields of its status events, which carry no reporter
/// personal data. <see cref="Version"/> orders them, so a late, older event never overwrites a newer one.
/// </summary>
public sealed record ReportSummary(
    string Status,
    long Version,
    ModelReference Model,
    string Category,
    string? Severity,
    string Title,
    DateTimeOffset ChangedAt)
{
    public static ReportSummary From(ReportStatusChanged changed) =>
        new(changed.Status, changed.Version, changed.Model, changed.Category, changed.Severity, changed.Title, changed.ChangedAt);

    /// <summary>Statuses after which nothing is expected of the host any more.</summary>
    public bool IsClosed => Status is ReportStatuses.Resolved or ReportStatuses.Rejected or ReportStatuses.Duplicate;
}
