namespace SafetyReports.Contracts;

/// <summary>
/// The maintainers changed the file digests of a triaged report's model: Notification looks again for copies of the model on
/// other hosts and tells those the report has not reached yet. <paramref name="Version"/> is the report's version after the change.
/// </summary>
public sealed record ReportModelChanged(Guid ReportId, long Version, ModelReference Model, DateTimeOffset ChangedAt);
