namespace SafetyReports.Triage.Domain;

/// <summary>
/// Removes the reporter's contact from a report, with an audit entry that records that it happened and
/// why, never what was removed. Nothing to remove is no change: erasure and purge are idempotent.
/// </summary>
public static class ContactErasure
{
    /// <summary>The reporter erased their contact with the status token.</summary>
    public const string Erased = "contact_erased";

    /// <summary>The retention job removed the contact of a report closed longer than the retention.</summary>
    public const string Purged = "contact_purged";

    public const string ReporterActor = "reporter";
    public const string RetentionActor = "retention";

    public static (Report Report, AuditDraft Audit)? Remove(Report report, string action, string actor, DateTimeOffset now)
    {
        if (report.ProtectedContact is null && !report.ContactAllowed)
        {
            return null;
        }

        var updated = report with { ProtectedContact = null, ContactAllowed = false, NotifyByEmail = false, Version = report.Version + 1, UpdatedAt = now };
        var data = JsonSerializer.Serialize(new { hadContact = report.ProtectedContact is not null });
        return (updated, new AuditDraft(report.Id, now, actor, action, data));
    }
}
