namespace SafetyReports.Triage.Domain;

/// <summary>One link of the audit hash chain; <see cref="Hash"/> covers every other field.</summary>
public sealed record AuditEntry(
    long Sequence,
    Guid ReportId,
    DateTimeOffset At,
    string Actor,
    string Action,
    string Data,
    string PreviousHash,
    string Hash);
