namespace SafetyReports.Notification.Domain;

/// <summary>A report Notification has told a host about; the host API answers only for these.</summary>
public sealed record ReportRoute(
    Guid ReportId,
    string HostId,
    string ModelId,
    DateTimeOffset FirstEventAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgementNote);
