namespace SafetyReports.Triage.Domain;

public sealed record ReportNote(DateTimeOffset At, string Author, string Text);
