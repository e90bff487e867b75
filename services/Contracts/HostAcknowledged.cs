namespace SafetyReports.Contracts;

/// <summary>The host of the reported model acknowledged the report through the host API.</summary>
public sealed record HostAcknowledged(Guid ReportId, string HostId, string? Note, DateTimeOffset AcknowledgedAt);
