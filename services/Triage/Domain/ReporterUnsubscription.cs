namespace SafetyReports.Triage.Domain;

/// <summary>
/// The reporter stopped the mails about a report (the one-click link in a mail): the report keeps their contact, and records
/// in the audit chain that they unsubscribed. Already unsubscribed is no change.
/// </summary>
public static class ReporterUnsubscription
{
    public const string Unsubscribed = "reporter_unsubscribed";

    public static (Report Report, AuditDraft Audit)? Apply(Report report, DateTimeOffset now) =>
        !report.NotifyByEmail
            ? null
            : (report with { NotifyByEmail = false, Version = report.Version + 1, UpdatedAt = now },
                new AuditDraft(report.Id, now, ContactErasure.ReporterActor, Unsubscribed, "{}"));
}
