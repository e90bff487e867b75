namespace SafetyReports.Contracts;

/// <summary>
/// The reporter followed the unsubscribe link of a mail about <paramref name="ReportId"/>: Triage sends them no more mails
/// about it. Carries no contact; applying it twice changes nothing.
/// </summary>
public sealed record ReporterUnsubscribed(Guid ReportId, DateTimeOffset UnsubscribedAt);
