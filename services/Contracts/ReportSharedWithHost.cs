namespace SafetyReports.Contracts;

/// <summary>
/// The maintainers send a triaged report to a host serving a copy of its model (a re-upload of a resolved report's model):
/// Notification makes the route to that host and tells it as a triaged report is told. A repeat changes nothing.
/// </summary>
public sealed record ReportSharedWithHost(Guid ReportId, string HostId, string ModelId, DateTimeOffset At);
