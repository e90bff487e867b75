namespace SafetyReports.Intake.Domain;

/// <summary>A submission just published to Triage: when to publish it again if Triage does not confirm it, and how many times it went out.</summary>
public sealed record HandoverAttempt(Guid ReportId, DateTimeOffset NextAttemptAt, int Attempts);
