using System.Text.Json;
using SafetyReports.Contracts;

namespace SafetyReports.Triage.Domain;

/// <summary>
/// What Triage records when another service reports a fact about a report: the first webhook
/// delivered and the host's acknowledgement. Each fact is recorded once, however often it arrives.
/// </summary>
public static class SystemMoves
{
    public const string SystemActor = "system";

    public static (Report Report, AuditDraft Audit, ReportStatusChanged? Event)? RecordDelivery(Report report, WebhookDelivered delivered, DateTimeOffset now)
    {
        if (report.HostNotifiedAt is not null)
        {
            return null;
        }

        var moved = ReportWorkflow.ApplySystem(report, ReportStatuses.HostNotified, now);
        var updated = (moved ?? report with { Version = report.Version + 1, UpdatedAt = now }) with { HostNotifiedAt = delivered.DeliveredAt };
        var data = JsonSerializer.Serialize(new
        {
            from = report.Status,
            to = updated.Status,
            hostId = delivered.HostId,
            webhookId = delivered.WebhookId,
            eventType = delivered.EventType,
            deliveredAt = delivered.DeliveredAt,
        });
        return (updated, new AuditDraft(report.Id, now, SystemActor, "host_notified", data),
            moved is null ? null : updated.StatusChanged(report.Status, null));
    }

    public static (Report Report, AuditDraft Audit, ReportStatusChanged? Event)? RecordAcknowledgement(Report report, HostAcknowledged acknowledged, DateTimeOffset now)
    {
        if (report.AcknowledgedAt is not null)
        {
            return null;
        }

        var moved = ReportWorkflow.ApplySystem(report, ReportStatuses.Acknowledged, now);
        var updated = (moved ?? report with { Version = report.Version + 1, UpdatedAt = now }) with { AcknowledgedAt = acknowledged.AcknowledgedAt };
        var data = JsonSerializer.Serialize(new
        {
            from = report.Status,
            to = updated.Status,
            hostId = acknowledged.HostId,
            note = acknowledged.Note,
            acknowledgedAt = acknowledged.AcknowledgedAt,
        });
        return (updated, new AuditDraft(report.Id, now, $"host:{acknowledged.HostId}", "host_acknowledged", data),
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
