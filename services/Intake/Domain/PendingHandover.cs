namespace SafetyReports.Intake.Domain;

public sealed record PendingHandover(ReportSubmitted Payload, int Attempts, string? TraceParent = null);
