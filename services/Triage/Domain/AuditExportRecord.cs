namespace SafetyReports.Triage.Domain;

/// <summary>
/// An export of the whole audit chain (every note and reporter message) is itself an entry of the chain: who took it
/// and when, about no report (<see cref="Guid.Empty"/>), holding nothing of what was exported. Written before the
/// first line is sent, so the export ends with the entry that records it.
/// </summary>
public static class AuditExportRecord
{
    public const string Action = "audit_exported";

    public static AuditDraft Record(string actor, DateTimeOffset now) => new(Guid.Empty, now, actor, Action, "{}");
}
