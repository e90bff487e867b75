namespace SafetyReports.Triage.Domain;

public sealed record ReporterMessage(Guid Id, DateTimeOffset At, string Text);
