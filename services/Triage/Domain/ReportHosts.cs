namespace SafetyReports.Triage.Domain;

/// <summary>
/// The hosts a report reached besides its own (copies of the model found by digest or alias, re-uploads) and each one's own
/// progress. Each fact is recorded once, on that host's entry; the report's status follows its own host only, and the audit
/// entries have their own names (<c>copy_host_*</c>), so the accountability figures and their replay stay those of the
/// report's own host.
/// </summary>
public static class ReportHosts
{
    public const string Reached = "host_reached";
    public const string Notified = "copy_host_notified";
    public const string Acknowledged = "copy_host_acknowledged";
    public const string Responded = "copy_host_responded";
    public const string ReuploadDetected = "model_reupload_detected";
    public const string ReuploadShared = "model_reupload_shared";

    /// <summary>Whether a fact about <paramref name="hostId"/> belongs to a host the report reached besides its own.</summary>
    public static bool IsCopyHost(Report report, string hostId) => hostId != report.Model.Host;

    /// <summary>
    /// A copy host's fact (a delivery, an acknowledgement, a response) travels apart from the <see cref="ReportReachedHost"/>
    /// that records the host on the report, and can arrive first: it must then wait (its consumer retries) rather than be
    /// dropped as a fact about a host the report never reached.
    /// </summary>
    /// <exception cref="CopyHostNotYetRecordedException">A copy host the report does not list yet.</exception>
    public static void EnsureRecorded(Report report, string hostId)
    {
        if (IsCopyHost(report, hostId) && !report.Hosts.Any(h => h.HostId == hostId))
        {
            throw new CopyHostNotYetRecordedException(report.Id, hostId);
        }
    }

    /// <summary>Whether the report reached this host: the host it names, or one serving a copy of the model.</summary>
    public static bool HasReached(Report report, string hostId) => !IsCopyHost(report, hostId) || report.Hosts.Any(h => h.HostId == hostId);

    public static (Report Report, AuditDraft Audit)? Reach(Report report, ReportReachedHost reached, DateTimeOffset now)
    {
        if (!IsCopyHost(report, reached.HostId) || report.Hosts.Any(h => h.HostId == reached.HostId))
        {
            return null;
        }

        var host = new ReportHost(reached.HostId, reached.ModelId, reached.Via, reached.SharedDigests, reached.At);
        return Changed(report with { Hosts = [.. report.Hosts, host] }, now, $"host:{reached.HostId}", Reached, new
        {
            hostId = reached.HostId,
            modelId = reached.ModelId,
            via = reached.Via,
            sharedDigests = reached.SharedDigests,
            reachedAt = reached.At,
        });
    }

    public static (Report Report, AuditDraft Audit)? RecordDelivery(Report report, WebhookDelivered delivered, DateTimeOffset now) =>
        Update(report, delivered.HostId, h => h.NotifiedAt is null ? h with { NotifiedAt = delivered.DeliveredAt } : null, now, SystemMoves.SystemActor, Notified,
            new { hostId = delivered.HostId, webhookId = delivered.WebhookId, eventType = delivered.EventType, deliveredAt = delivered.DeliveredAt });

    public static (Report Report, AuditDraft Audit)? RecordAcknowledgement(Report report, HostAcknowledged acknowledged, DateTimeOffset now) =>
        Update(report, acknowledged.HostId, h => h.AcknowledgedAt is null ? h with { AcknowledgedAt = acknowledged.AcknowledgedAt } : null, now,
            $"host:{acknowledged.HostId}", Acknowledged,
            new { hostId = acknowledged.HostId, note = acknowledged.Note, acknowledgedAt = acknowledged.AcknowledgedAt });

    public static (Report Report, AuditDraft Audit)? RecordResponse(Report report, HostResponded responded, DateTimeOffset now) =>
        Update(report, responded.HostId, h => h.ResponseRevision >= responded.Revision
                ? null
                : h with { ResponseRevision = responded.Revision, ResponseAction = responded.Action, RespondedAt = h.RespondedAt ?? responded.RespondedAt },
            now, $"host:{responded.HostId}", Responded,
            new
            {
                hostId = responded.HostId,
                revision = responded.Revision,
                action = responded.Action,
                scope = responded.Scope,
                until = responded.Until,
                grounds = responded.Grounds,
                automated = responded.Automated,
                note = responded.Note,
                respondedAt = responded.RespondedAt,
            });

    /// <summary>Records a re-upload once per host and model (a host publishing the same manifest again alerts nobody twice).</summary>
    public static (Report Report, AuditDraft Audit)? RecordReupload(Report report, ModelReuploadDetected detected, DateTimeOffset now)
    {
        if (report.Reuploads.Any(r => r.HostId == detected.HostId && r.ModelId == detected.ModelId))
        {
            return null;
        }

        var reupload = new ModelReupload(detected.HostId, detected.ModelId, detected.SharedDigests, detected.ReportStatus, detected.HostNotified, detected.At);
        return Changed(report with { Reuploads = [.. report.Reuploads, reupload] }, now, $"host:{detected.HostId}", ReuploadDetected, new
        {
            hostId = detected.HostId,
            modelId = detected.ModelId,
            sharedDigests = detected.SharedDigests,
            reportStatus = detected.ReportStatus,
            hostNotified = detected.HostNotified,
            detectedAt = detected.At,
        });
    }

    /// <summary>
    /// The maintainers send the report to the host of a re-upload it did not reach: the re-upload is marked shared and
    /// <see cref="ReportSharedWithHost"/> goes to Notification. A re-upload the host was told of, or already sent, is a conflict.
    /// </summary>
    public static WorkflowOutcome Share(Report report, ShareWithHostRequest request, string actor, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Host))
        {
            errors["host"] = ["Required: the host of the re-upload."];
        }

        if (string.IsNullOrWhiteSpace(request.ModelId))
        {
            errors["modelId"] = ["Required: the model of the re-upload."];
        }

        if (ExpectedVersion.Check(report, request.ExpectedVersion, errors) is { } refused)
        {
            return refused;
        }

        var index = report.Reuploads.ToList().FindIndex(r => r.HostId == request.Host && r.ModelId == request.ModelId);
        if (index < 0)
        {
            return new WorkflowOutcome(WorkflowOutcomeKind.NotFound, Detail: "No re-upload of this host and model was found for the report.");
        }

        var reupload = report.Reuploads[index];
        if (reupload.HostNotified || reupload.SharedAt is not null || report.Hosts.Any(h => h.HostId == reupload.HostId) || !IsCopyHost(report, reupload.HostId))
        {
            return new WorkflowOutcome(WorkflowOutcomeKind.Conflict, Detail: "This host was told of the report already.");
        }

        var reuploads = report.Reuploads.ToList();
        reuploads[index] = reupload with { SharedAt = now, SharedBy = actor };
        var (updated, audit) = Changed(report with { Reuploads = reuploads }, now, actor, ReuploadShared, new { hostId = reupload.HostId, modelId = reupload.ModelId });
        return new WorkflowOutcome(WorkflowOutcomeKind.Applied, updated, audit,
            Messages: [new ReportSharedWithHost(report.Id, reupload.HostId, reupload.ModelId, now)]);
    }

    private static (Report Report, AuditDraft Audit)? Update(
        Report report, string hostId, Func<ReportHost, ReportHost?> record, DateTimeOffset now, string actor, string action, object data)
    {
        var index = report.Hosts.ToList().FindIndex(h => h.HostId == hostId);
        if (index < 0 || record(report.Hosts[index]) is not { } recorded)
        {
            return null;
        }

        var hosts = report.Hosts.ToList();
        hosts[index] = recorded;
        return Changed(report with { Hosts = hosts }, now, actor, action, data);
    }

    private static (Report Report, AuditDraft Audit) Changed(Report updated, DateTimeOffset now, string actor, string action, object data) =>
        (updated with { Version = updated.Version + 1, UpdatedAt = now }, new AuditDraft(updated.Id, now, actor, action, JsonSerializer.Serialize(data)));
}

/// <summary>The body of <c>POST /api/v1/triage/reports/{id}/hosts</c>: send the report to the host of a re-upload.</summary>
public sealed record ShareWithHostRequest(string? Host, string? ModelId, long? ExpectedVersion);

/// <summary>A fact from a host serving a copy arrived before the report recorded that host; the message is retried.</summary>
public sealed class CopyHostNotYetRecordedException(Guid reportId, string hostId)
    : Exception($"Report {reportId} does not list host {hostId} yet; its fact waits for the host to be recorded.");
