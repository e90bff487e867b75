namespace SafetyReports.Contracts;

/// <summary>Triage confirms it durably stored a submitted report; Intake stops re-publishing it.</summary>
public sealed record ReportStored(Guid ReportId, DateTimeOffset StoredAt);
