using SafetyReports.Triage.Similarity;
using SafetyReports.Triage.Storage;

namespace SafetyReports.Triage;

/// <summary>Applies the workflow's decisions to the store; consumers and endpoints call it.</summary>
public sealed class TriageReports(ITriageStore store, SimilarReports similar, TimeProvider clock)
{
    private const int MaxSystemAttempts = 10;

    /// <summary>Stores a submitted report once. Returns false when it was already stored.</summary>
    public Task<bool> ReceiveAsync(ReportSubmitted submitted, CancellationToken cancellationToken) => ReceiveAsync(submitted, [], cancellationToken);

    /// <summary>Stores the report with its evidence files' bytes (pulled and checked) and queues the confirmation, all in one write.</summary>
    public async Task<bool> ReceiveAsync(ReportSubmitted submitted, IReadOnlyList<EvidenceFileContent> files, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (report, audit, changed) = ReportReceipt.Receive(submitted, now);
        var added = await store.AddReportAsync(report, audit,
            [OutboxMessage.For(new ReportStored(report.Id, now), now), OutboxMessage.For(changed, now)],
            files,
            cancellationToken);
        return added;
    }

    public async Task<bool> ExistsAsync(Guid id, CancellationToken cancellationToken) => await store.GetReportAsync(id, cancellationToken) is not null;

    /// <summary>
    /// When the report's cluster is a burst, its members not yet held (nor confirmed) are held out of the public figures.
    /// A report already held or confirmed is skipped: the cluster that held it was held whole, and a later member is
    /// checked when it is stored in turn.
    /// </summary>
    public async Task HoldBurstAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await store.GetReportAsync(id, cancellationToken) is not { HeldAt: null, BurstConfirmedAt: null } report)
        {
            return;
        }

        var cluster = await similar.ClusterAsync(report, cancellationToken);
        foreach (var member in BurstHold.ToHold(cluster))
        {
            await ApplySystemAsync(member.Id, (current, now) => BurstHold.Hold(current, cluster, now), cancellationToken);
        }
    }

    /// <summary>A maintainer confirms a burst: each held member of the cluster is counted in the figures again, each audited.</summary>
    public async Task<IReadOnlyList<BurstConfirmResult>> ConfirmBurstAsync(IEnumerable<Report> held, string actor, CancellationToken cancellationToken)
    {
        var results = new List<BurstConfirmResult>();
        foreach (var member in held)
        {
            var counted = await ApplySystemAsync(member.Id, (current, now) => BurstHold.Confirm(current, actor, now), cancellationToken);
            results.Add(new BurstConfirmResult(member.Id, counted ? "counted" : "unchanged"));
        }

        return results;
    }

    /// <summary>A change decided on the report as it is now and saved with its audit entry, read again when it moved meanwhile; false when there was nothing to do.</summary>
    private async Task<bool> ApplySystemAsync(Guid id, Func<Report, DateTimeOffset, (Report Report, AuditDraft Audit)?> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxSystemAttempts; attempt++)
        {
            if (await store.GetReportAsync(id, cancellationToken) is not { } report || decide(report, clock.GetUtcNow()) is not { } change)
            {
                return false;
            }

            if (await store.UpdateReportAsync(change.Report, report.Version, change.Audit, [], cancellationToken))
            {
                return true;
            }
        }

        throw new InvalidOperationException($"Report {id} kept changing while its burst hold was recorded.");
    }

    public Task<WorkflowOutcome> TransitionAsync(Guid id, TransitionRequest request, string actor, CancellationToken cancellationToken) =>
        ApplyMaintainerAsync(id, (report, now) => ReportWorkflow.Apply(report, request, actor, now), cancellationToken);

    public Task<WorkflowOutcome> AssignAsync(Guid id, AssignmentRequest request, string actor, CancellationToken cancellationToken) =>
        ApplyMaintainerAsync(id, (report, now) => ReportAssignment.Apply(report, request, actor, now), cancellationToken);

    public Task<WorkflowOutcome> RedactAsync(Guid id, RedactionRequest request, string actor, CancellationToken cancellationToken) =>
        ApplyMaintainerAsync(id, (report, now) => ReportRedaction.Apply(report, request, actor, now), cancellationToken,
            (outcome, version, events, ct) => store.RedactReportAsync(outcome.Report!, version, outcome.Audit!, events, ct));

    public Task<WorkflowOutcome> EditNoticeAsync(Guid id, NoticeUpdateRequest request, string actor, CancellationToken cancellationToken) =>
        ApplyMaintainerAsync(id, (report, now) => ReportNotices.Edit(report, request, actor, now), cancellationToken);

    public Task<WorkflowOutcome> ForwardContestAsync(Guid id, Guid contestId, ContestForwardRequest request, string actor, CancellationToken cancellationToken) =>
        ApplyMaintainerAsync(id, (report, now) => ReportContests.Forward(report, contestId, request, actor, now), cancellationToken);

    public Task<WorkflowOutcome> CloseContestAsync(Guid id, Guid contestId, ContestCloseRequest request, string actor, CancellationToken cancellationToken) =>
        ApplyMaintainerAsync(id, (report, now) => ReportContests.Close(report, contestId, request, actor, now), cancellationToken);

    /// <summary>A maintainer's message to the host, on the report as it is when saved (like a note, it needs no version).</summary>
    public async Task<WorkflowOutcome> SendHostMessageAsync(Guid id, string text, string actor, CancellationToken cancellationToken)
    {
        var messageId = Guid.NewGuid();
        for (var attempt = 0; attempt < MaxSystemAttempts; attempt++)
        {
            var report = await store.GetReportAsync(id, cancellationToken);
            if (report is null)
            {
                return new WorkflowOutcome(WorkflowOutcomeKind.NotFound);
            }

            var now = clock.GetUtcNow();
            var outcome = HostThread.Send(report, messageId, text, actor, now);
            if (outcome.Kind != WorkflowOutcomeKind.Applied
                || await store.UpdateReportAsync(outcome.Report!, report.Version, outcome.Audit!, Events(outcome, now), cancellationToken))
            {
                return outcome;
            }
        }

        throw new InvalidOperationException($"Report {id} kept changing while a message to its host was added.");
    }

    public Task<WorkflowOutcome> EditModelDigestsAsync(Guid id, ModelDigestsRequest request, string actor, CancellationToken cancellationToken) =>
        ApplyMaintainerAsync(id, (report, now) => ReportModelDigests.Edit(report, request, actor, now), cancellationToken);

    public Task<WorkflowOutcome> ShareWithHostAsync(Guid id, ShareWithHostRequest request, string actor, CancellationToken cancellationToken) =>
        ApplyMaintainerAsync(id, (report, now) => ReportHosts.Share(report, request, actor, now), cancellationToken);

    public Task<WorkflowOutcome> ClassifyAsync(Guid id, ClassificationRequest request, string actor, CancellationToken cancellationToken) =>
        ApplyMaintainerAsync(id, (report, now) => ReportClassification.Apply(report, request, actor, now), cancellationToken);

    /// <summary>Rejects each report at the version it is at now; one report's outcome never stops the others.</summary>
    public async Task<IReadOnlyList<BulkRejectResult>> BulkRejectAsync(IEnumerable<Guid> ids, string note, string actor, CancellationToken cancellationToken)
    {
        var results = new List<BulkRejectResult>();
        foreach (var id in ids.Distinct())
        {
            var outcome = await ApplyMaintainerAsync(
                id, (report, now) => ReportWorkflow.Apply(report, BulkRejection.Transition(report, note), actor, now), cancellationToken);
            results.Add(new BulkRejectResult(id, BulkRejection.OutcomeOf(outcome.Kind)));
        }

        return results;
    }

    /// <summary>
    /// Merges a cluster into <paramref name="into"/>: each other member moves to duplicate of it at the version it is at now, through
    /// the workflow (its own audit entry and status event); one member's outcome never stops the others.
    /// </summary>
    public async Task<IReadOnlyList<ClusterMergeResult>> MergeClusterAsync(
        Guid into, IEnumerable<Report> members, string? note, string actor, CancellationToken cancellationToken)
    {
        var results = new List<ClusterMergeResult>();
        foreach (var member in members)
        {
            var outcome = await ApplyMaintainerAsync(
                member.Id, (report, now) => ReportWorkflow.Apply(report, ClusterMerge.Transition(report, into, note), actor, now), cancellationToken);
            results.Add(new ClusterMergeResult(member.Id, ClusterMerge.OutcomeOf(outcome.Kind)));
        }

        return results;
    }

    /// <summary>
    /// A maintainer's edit: decided on the report as read, saved only if nobody changed it in between, with its events
    /// (the further ones first, so a notice is written before the status change that announces it; the bus promises no
    /// order, and Notification keeps a notice whenever it arrives).
    /// </summary>
    private async Task<WorkflowOutcome> ApplyMaintainerAsync(
        Guid id, Func<Report, DateTimeOffset, WorkflowOutcome> decide, CancellationToken cancellationToken,
        Func<WorkflowOutcome, long, IReadOnlyList<OutboxMessage>, CancellationToken, Task<bool>>? save = null)
    {
        var report = await store.GetReportAsync(id, cancellationToken);
        if (report is null)
        {
            return new WorkflowOutcome(WorkflowOutcomeKind.NotFound);
        }

        var now = clock.GetUtcNow();
        var outcome = decide(report, now);
        if (outcome.Kind != WorkflowOutcomeKind.Applied)
        {
            return outcome;
        }

        var events = Events(outcome, now);
        var saved = save is null
            ? await store.UpdateReportAsync(outcome.Report!, report.Version, outcome.Audit!, events, cancellationToken)
            : await save(outcome, report.Version, events, cancellationToken);
        return saved
            ? outcome
            : new WorkflowOutcome(WorkflowOutcomeKind.Conflict, Detail: "The report changed while your edit was saved. Reload it and try again.");
    }

    private static IReadOnlyList<OutboxMessage> Events(WorkflowOutcome outcome, DateTimeOffset now) =>
    [
        .. (outcome.Messages ?? []).Select(m => OutboxMessage.For(m, now)),
        .. outcome.Event is null ? [] : new[] { OutboxMessage.For(outcome.Event, now) },
    ];

    public async Task<Report?> AddNoteAsync(Guid id, string text, string actor, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxSystemAttempts; attempt++)
        {
            var report = await store.GetReportAsync(id, cancellationToken);
            if (report is null)
            {
                return null;
            }

            var (updated, audit) = InternalNote.Add(report, text, actor, clock.GetUtcNow());
            if (await store.UpdateReportAsync(updated, report.Version, audit, [], cancellationToken))
            {
                return updated;
            }
        }

        throw new InvalidOperationException($"Report {id} kept changing while a note was added.");
    }

    /// <summary>Records an export of the report in its audit chain; returns the report as recorded, or null when there is none.</summary>
    public async Task<Report?> RecordExportAsync(Guid id, string actor, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxSystemAttempts; attempt++)
        {
            var report = await store.GetReportAsync(id, cancellationToken);
            if (report is null)
            {
                return null;
            }

            var (updated, audit) = ReportExportRecord.Record(report, actor, clock.GetUtcNow());
            if (await store.UpdateReportAsync(updated, report.Version, audit, [], cancellationToken))
            {
                return updated;
            }
        }

        throw new InvalidOperationException($"Report {id} kept changing while its export was recorded.");
    }

    /// <summary>
    /// Records a download of one of the report's evidence files in its audit chain, when <paramref name="allowed"/> says the
    /// caller may have it; returns the report, or null when there is no such report or file for the caller.
    /// </summary>
    public async Task<Report?> RecordFileDownloadAsync(Guid id, Guid fileId, string actor, Func<Report, bool> allowed, CancellationToken cancellationToken)
    {
        var report = await store.GetReportAsync(id, cancellationToken);
        if (report is null || !allowed(report))
        {
            return null;
        }

        await store.AppendAuditAsync(EvidenceFileDownloads.Record(id, fileId, actor, clock.GetUtcNow()), cancellationToken);
        return report;
    }

    public Task<WorkflowOutcome> ShareFileAsync(Guid id, Guid fileId, FileSharingRequest request, string actor, CancellationToken cancellationToken) =>
        ApplyMaintainerAsync(id, (report, now) => EvidenceFileSharing.Apply(report, fileId, request, actor, now), cancellationToken);

    // A fact about a host the report reached besides its own is that host's (ReportHosts): the report's status follows its own host.
    public Task RecordDeliveryAsync(WebhookDelivered delivered, CancellationToken cancellationToken) =>
        ApplySystemAsync(delivered.ReportId, (r, now) => ReportHosts.IsCopyHost(r, delivered.HostId)
            ? CopyFact(r, delivered.HostId, () => ReportHosts.RecordDelivery(r, delivered, now))
            : SystemMoves.RecordDelivery(r, delivered, now), cancellationToken);

    public Task RecordAcknowledgementAsync(HostAcknowledged acknowledged, CancellationToken cancellationToken) =>
        ApplySystemAsync(acknowledged.ReportId, (r, now) => ReportHosts.IsCopyHost(r, acknowledged.HostId)
            ? CopyFact(r, acknowledged.HostId, () => ReportHosts.RecordAcknowledgement(r, acknowledged, now))
            : SystemMoves.RecordAcknowledgement(r, acknowledged, now), cancellationToken);

    public Task RecordReachedHostAsync(ReportReachedHost reached, CancellationToken cancellationToken) =>
        ApplySystemAsync(reached.ReportId, (r, now) => Copy(ReportHosts.Reach(r, reached, now)), cancellationToken);

    /// <summary>Records a re-upload of the reported model once per host and model; the maintainers' alert goes with it (<see cref="MaintainerEvent"/>).</summary>
    public Task RecordReuploadAsync(ModelReuploadDetected detected, CancellationToken cancellationToken) =>
        ApplySystemAsync(detected.ReportId, (r, now) => Copy(ReportHosts.RecordReupload(r, detected, now)), cancellationToken);

    public Task RecordReporterReplyAsync(ReporterReplied replied, CancellationToken cancellationToken) =>
        ApplySystemAsync(replied.ReportId, (r, now) => SystemMoves.RecordReporterReply(r, replied, now), cancellationToken);

    public Task RecordContestAsync(ReporterContested contested, CancellationToken cancellationToken) =>
        ApplySystemAsync(contested.ReportId, (r, now) => ReportContests.Record(r, contested, now) is { } recorded
            ? (recorded.Report, recorded.Audit, null)
            : null, cancellationToken);

    public Task RecordHostMessageAsync(HostMessagedMaintainers messaged, CancellationToken cancellationToken) =>
        ApplySystemAsync(messaged.ReportId, (r, now) => HostThread.Receive(r, messaged, now) is { } received
            ? (received.Report, received.Audit, null)
            : null, cancellationToken);

    public Task RecordHostResponseAsync(HostResponded responded, CancellationToken cancellationToken) =>
        ApplySystemAsync(responded.ReportId, (r, now) => ReportHosts.IsCopyHost(r, responded.HostId)
            ? CopyFact(r, responded.HostId, () => ReportHosts.RecordResponse(r, responded, now))
            : HostResponseMoves.Record(r, responded, now) is { } recorded
                ? (recorded.Report, recorded.Audit, null)
                : null, cancellationToken);

    /// <summary>A copy host's fact, once the report lists that host (before, it throws and the message is retried).</summary>
    private static (Report Report, AuditDraft Audit, ReportStatusChanged? Event)? CopyFact(Report report, string hostId, Func<(Report Report, AuditDraft Audit)?> record)
    {
        ReportHosts.EnsureRecorded(report, hostId);
        return Copy(record());
    }

    private static (Report Report, AuditDraft Audit, ReportStatusChanged? Event)? Copy((Report Report, AuditDraft Audit)? recorded) =>
        recorded is { } r ? (r.Report, r.Audit, null) : null;

    public Task EraseContactAsync(ReporterContactErased erased, CancellationToken cancellationToken) =>
        ApplySystemAsync(erased.ReportId, (r, now) => ContactErasure.Remove(r, ContactErasure.Erased, ContactErasure.ReporterActor, now) is { } removed
            ? (removed.Report, removed.Audit, null)
            : null, cancellationToken);

    public Task UnsubscribeReporterAsync(ReporterUnsubscribed unsubscribed, CancellationToken cancellationToken) =>
        ApplySystemAsync(unsubscribed.ReportId, (r, now) => ReporterUnsubscription.Apply(r, now) is { } applied
            ? (applied.Report, applied.Audit, null)
            : null, cancellationToken);

    /// <summary>Purges the contact if the report (re-read) is still due: a reopened report or a fresh erasure is left alone.</summary>
    public Task PurgeContactAsync(Guid id, TimeSpan retention, CancellationToken cancellationToken) =>
        ApplySystemAsync(id, (r, now) => ContactRetention.IsDue(r, now, retention)
            && ContactErasure.Remove(r, ContactErasure.Purged, ContactErasure.RetentionActor, now) is { } removed
                ? (removed.Report, removed.Audit, null)
                : null, cancellationToken);

    /// <summary>Takes the report's next disclosure step if one is due (a reminder to its host, or the disclosure).</summary>
    public Task AdvanceDisclosureAsync(Guid id, DisclosureOptions options, CancellationToken cancellationToken) =>
        ApplySystemWithMessagesAsync(id, (r, now) => DisclosurePolicy.Step(r, now, options) switch
        {
            DisclosureStep.Remind when DisclosurePolicy.Remind(r, now, options) is var (report, audit, pending) =>
                (report, audit, [OutboxMessage.For(pending, now)]),
            DisclosureStep.Disclose when DisclosurePolicy.Disclose(r, now) is var (report, audit) =>
                (report, audit, []),
            _ => null,
        }, cancellationToken);

    private Task ApplySystemAsync(
        Guid id,
        Func<Report, DateTimeOffset, (Report Report, AuditDraft Audit, ReportStatusChanged? Event)?> decide,
        CancellationToken cancellationToken) =>
        ApplySystemWithMessagesAsync(id, (r, now) => decide(r, now) is { } d
            ? (d.Report, d.Audit, d.Event is null ? [] : [OutboxMessage.For(d.Event, now)])
            : null, cancellationToken);

    /// <summary>Re-reads and retries on a version conflict: system facts must not be lost to a concurrent edit.</summary>
    private async Task ApplySystemWithMessagesAsync(
        Guid id,
        Func<Report, DateTimeOffset, (Report Report, AuditDraft Audit, IReadOnlyList<OutboxMessage> Events)?> decide,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxSystemAttempts; attempt++)
        {
            var report = await store.GetReportAsync(id, cancellationToken)
                ?? throw new InvalidOperationException($"Report {id} is not stored yet.");
            var now = clock.GetUtcNow();
            var decision = decide(report, now);
            if (decision is null)
            {
                return;
            }

            var (updated, audit, events) = decision.Value;
            if (await store.UpdateReportAsync(updated, report.Version, audit, events, cancellationToken))
            {
                return;
            }
        }

        throw new InvalidOperationException($"Report {id} kept changing; the message will be retried.");
    }
}
