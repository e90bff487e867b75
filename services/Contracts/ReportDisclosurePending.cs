namespace SafetyReports.Contracts;

/// <summary>
/// A triaged report is still without the host's response and will be disclosed publicly (redacted) at
/// <paramref name="DisclosesAt"/> unless the host responds first. Sent once per report.
/// </summary>
public sealed record ReportDisclosurePending(Guid ReportId, ModelReference Model, DateTimeOffset TriagedAt, DateTimeOffset DisclosesAt, DateTimeOffset RemindedAt);
