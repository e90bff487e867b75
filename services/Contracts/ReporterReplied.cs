namespace SafetyReports.Contracts;

/// <summary>
/// A reporter answered a maintainers' request for more information (status <c>needs_info</c>).
/// <paramref name="MessageId"/> identifies the answer: a repeated message is recorded once.
/// </summary>
public sealed record ReporterReplied(Guid ReportId, Guid MessageId, string Message, DateTimeOffset SentAt);
