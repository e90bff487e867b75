namespace SafetyReports.Triage.Domain;

/// <summary>
/// What Triage records when another service reports a fact about a report: the first webhook
/// delivered and the host's acknowledgement. Each fact is recorded once, however often it arrives.
/// </summary>
public static class SystemMoves
{
    public const string SystemActor = "system";

    public static (Report Report, AuditDraft Audit, ReportStatusChanged? Event)? RecordDelivery(Report report, WebhookDelivered delivered, DateTimeOffset now) =>
        report.HostNotifiedAt is not null
            ? null
            : RecordFact(report, ReportStatuses.HostNotified, r => r with { HostNotifiedAt = delivered.DeliveredAt }, now, SystemActor, "host_notified",
                to => new
                {
                    from = report.Status,
                    to,
                    hostId = delivered.HostId,
                    webhookId = delivered.WebhookId,
                    eventType = delivered.EventType,
                    deliveredAt = delivered.DeliveredAt,
                });

    public static (Report Report, AuditDraft Audit, ReportStatusChanged? Event)? RecordAcknowledgement(Report report, HostAcknowledged acknowledged, DateTimeOffset now) =>
        report.AcknowledgedAt is not null
            ? null
            : RecordFact(report, ReportStatuses.Acknowledged, r => r with { AcknowledgedAt = acknowledged.AcknowledgedAt }, now,
                $"host:{acknowledged.HostId}", "host_acknowledged",
                to => new
                {
                    from = report.Status,
                    to,
                    hostId = acknowledged.HostId,
                    note = acknowledged.Note,
                    acknowledgedAt = acknowledged.AcknowledgedAt,
                });

    /// <summary>
    /// Records a fact (a time) on the report, moving it to <paramref name="to"/> when the workflow lets
    /// the system do so from its current status; the fact is kept either way.
    /// </summary>
    private static (Report Report, AuditDraft Audit, ReportStatusChanged? Event) RecordFact(
        Report report, string to, Func<Report, Report> record, DateTimeOffset now, string actor, string action, Func<string, object> data)
    {
        var moved = ReportWorkflow.ApplySystem(report, to, now);
        var updated = record(moved ?? report with { Version = report.Version + 1, UpdatedAt = now });
        return (updated, new AuditDraft(report.Id, now, actor, action, JsonSerializer.Serialize(data(updated.Status))),
            moved is null ? null : updated.StatusChanged(report.Status, null));
    }

    /// <summary>
    /// Records a reporter's answer once (by message id). A report waiting on the reporter goes back
    /// to <c>triaging</c>; in any other status the answer is kept without a move.
    /// </summary>
    public static (Report Report, AuditDraft Audit, ReportStatusChanged? Event)? RecordReporterReply(Report report, ReporterReplied replied, DateTimeOffset now)
    {
        if (report.ReporterMessages.Any(m => m.Id == replied.MessageId))
        {
            return null;
        }

        var moved = ReportWorkflow.IsAllowed(report.Status, ReportStatuses.Triaging, ActorKind.Reporter)
            ? report with { Status = ReportStatuses.Triaging }
            : report;
        var updated = moved with
        {
            Version = report.Version + 1,
            UpdatedAt = now,
            ReporterMessages = [.. report.ReporterMessages, new ReporterMessage(replied.MessageId, replied.SentAt, replied.Message)],
        };
        var data = JsonSerializer.Serialize(new { from = report.Status, to = updated.Status, messageId = replied.MessageId, message = replied.Message });
        return (updated, new AuditDraft(report.Id, now, "reporter", "reporter_message", data),
            updated.Status != report.Status ? updated.StatusChanged(report.Status, null) : null);
    }
}
