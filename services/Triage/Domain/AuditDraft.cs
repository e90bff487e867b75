namespace SafetyReports.Triage.Domain;

/// <summary>An audit entry before the store places it in the chain (sequence and hashes).</summary>
public sealed record AuditDraft(Guid ReportId, DateTimeOffset At, string Actor, string Action, string Data);
