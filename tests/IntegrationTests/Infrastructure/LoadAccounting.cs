namespace SafetyReports.IntegrationTests.Infrastructure;

/// <summary>A webhook subscription as the load tests set it up: its id, the receiver path it posts to, which reports it matches.</summary>
public sealed record LoadSubscription(Guid Id, string Path, Func<int, bool> Matches);

/// <summary>
/// What became of every accepted report, read from Triage's and Notification's SQLite files and the
/// receiver's ledger: stored once, one <c>received</c> audit entry, triaged, and a successful delivery
/// for every matching subscription; duplicates at the receiver and whether they kept their webhook-id.
/// </summary>
public sealed record LoadAccounting(
    int Accepted,
    int StoredInTriage,
    int ExtraInTriage,
    int NotStored,
    int ReceivedAuditNotOne,
    int MaxReceivedAuditPerReport,
    int StillReceived,
    int ExpectedDeliveries,
    int SucceededInStore,
    int NotSucceededInStore,
    int NotReceived,
    int ReceiverRequests,
    int ReceiverSuccesses,
    int DuplicateSuccesses,
    int WebhookIdMismatches,
    int TriageOutboxWaiting,
    string DeliveriesByStatus,
    int ExpectedFiles,
    int FilesInTriage,
    int ReportsWithOtherFiles,
    int FilesLeftInIntake)
{
    /// <summary>How far the system got, growing as reports are stored, triaged and delivered: a wait can tell slow from stuck.</summary>
    public int Progress => StoredInTriage - StillReceived + SucceededInStore + (ExpectedDeliveries - NotReceived) + FilesInTriage - FilesLeftInIntake;

    public bool Settled => NotStored == 0 && StillReceived == 0 && NotSucceededInStore == 0 && NotReceived == 0
        && ReportsWithOtherFiles == 0 && FilesLeftInIntake == 0;

    /// <param name="intakeData">Intake's data folder, when the reports carry evidence files (<paramref name="filesOf"/> says how many each).</param>
    public static LoadAccounting Take(
        string triageData, string notificationData, IReadOnlyDictionary<int, Guid> accepted,
        IReadOnlyList<LoadSubscription> subscriptions, WebhookLedger ledger, string? intakeData = null, Func<int, int>? filesOf = null)
    {
        var reports = StoreQuery.Rows(triageData, "triage.db", "SELECT id, status FROM reports")
            .ToDictionary(r => Guid.Parse((string)r[0]!), r => (string)r[1]!);
        var receivedAudit = StoreQuery.Rows(triageData, "triage.db",
                "SELECT report_id, COUNT(*) FROM audit WHERE action = 'received' GROUP BY report_id")
            .ToDictionary(r => Guid.Parse((string)r[0]!), r => (long)r[1]!);
        var deliveries = StoreQuery.Rows(notificationData, "notification.db",
                "SELECT report_id, subscription_id, status FROM deliveries WHERE event_type = 'report.triaged'")
            .GroupBy(r => (Report: Guid.Parse((string)r[0]!), Subscription: Guid.Parse((string)r[1]!)))
            .ToDictionary(g => g.Key, g => g.Any(r => (string)r[2]! == "succeeded"));
        var triageOutbox = (long)StoreQuery.Rows(triageData, "triage.db", "SELECT COUNT(*) FROM outbox")[0][0]!;
        var byStatus = string.Join(", ", StoreQuery.Rows(notificationData, "notification.db",
                "SELECT status, COUNT(*) FROM deliveries WHERE event_type = 'report.triaged' GROUP BY status ORDER BY status")
            .Select(r => $"{r[0]} {r[1]}"));
        // Evidence files: each report's in Triage (stored with it), none left behind in Intake (deleted once Triage confirmed).
        var filesInTriage = StoreQuery.Rows(triageData, "triage.db", "SELECT report_id, COUNT(*) FROM evidence_files GROUP BY report_id")
            .ToDictionary(r => Guid.Parse((string)r[0]!), r => (int)(long)r[1]!);
        var filesLeftInIntake = intakeData is null ? 0 : (int)(long)StoreQuery.Rows(intakeData, "intake.db", "SELECT COUNT(*) FROM evidence_files")[0][0]!;
        var hits = ledger.Hits.ToList();
        var successes = hits.Where(h => h.Answer is >= 200 and < 300 && h.EventType == "report.triaged")
            .GroupBy(h => (h.ReportId, h.Path))
            .ToDictionary(g => g.Key, g => g.Count());

        var acceptedIds = accepted.Values.ToHashSet();
        var expected = accepted
            .SelectMany(a => subscriptions.Where(s => s.Matches(a.Key)).Select(s => (Report: a.Value, Subscription: s)))
            .ToList();
        return new LoadAccounting(
            Accepted: acceptedIds.Count,
            StoredInTriage: acceptedIds.Count(reports.ContainsKey),
            ExtraInTriage: reports.Keys.Count(id => !acceptedIds.Contains(id)),
            NotStored: acceptedIds.Count(id => !reports.ContainsKey(id)),
            ReceivedAuditNotOne: acceptedIds.Count(id => reports.ContainsKey(id) && receivedAudit.GetValueOrDefault(id) != 1),
            MaxReceivedAuditPerReport: receivedAudit.Count == 0 ? 0 : (int)receivedAudit.Values.Max(),
            StillReceived: acceptedIds.Count(id => reports.TryGetValue(id, out var status) && status == "received"),
            ExpectedDeliveries: expected.Count,
            SucceededInStore: expected.Count(e => deliveries.GetValueOrDefault((e.Report, e.Subscription.Id))),
            NotSucceededInStore: expected.Count(e => !deliveries.GetValueOrDefault((e.Report, e.Subscription.Id))),
            NotReceived: expected.Count(e => !successes.ContainsKey((e.Report, e.Subscription.Path))),
            ReceiverRequests: hits.Count,
            ReceiverSuccesses: successes.Values.Sum(),
            DuplicateSuccesses: successes.Values.Sum(n => n - 1),
            WebhookIdMismatches: hits.GroupBy(h => (h.ReportId, h.Path, h.EventType)).Count(g => g.Select(h => h.WebhookId).Distinct().Count() > 1),
            TriageOutboxWaiting: (int)triageOutbox,
            DeliveriesByStatus: byStatus.Length == 0 ? "none" : byStatus,
            ExpectedFiles: filesOf is null ? 0 : accepted.Sum(a => filesOf(a.Key)),
            FilesInTriage: accepted.Sum(a => filesInTriage.GetValueOrDefault(a.Value)),
            ReportsWithOtherFiles: accepted.Count(a => filesInTriage.GetValueOrDefault(a.Value) != (filesOf?.Invoke(a.Key) ?? 0)),
            FilesLeftInIntake: filesLeftInIntake);
    }

    public override string ToString() =>
        $"accepted (202) {Accepted}; stored in Triage {StoredInTriage} (missing {NotStored}, not from this run {ExtraInTriage}); " +
        $"'received' audit entries other than exactly one {ReceivedAuditNotOne} (most for one report {MaxReceivedAuditPerReport}); still 'received' {StillReceived}; " +
        $"expected deliveries (report x matching subscription) {ExpectedDeliveries}, succeeded in Notification's store {SucceededInStore} (not yet {NotSucceededInStore}); " +
        $"receiver: {ReceiverRequests} requests, {ReceiverSuccesses} answered 2xx, pairs never answered 2xx {NotReceived}, " +
        $"duplicate 2xx deliveries {DuplicateSuccesses}, (report, subscription, event) with more than one webhook-id {WebhookIdMismatches}; " +
        $"where the rest are: messages in Triage's outbox {TriageOutboxWaiting}, Notification's deliveries by status: {DeliveriesByStatus}; " +
        $"evidence files expected in Triage {ExpectedFiles}, there {FilesInTriage} (reports with other files than submitted {ReportsWithOtherFiles}), left in Intake {FilesLeftInIntake}";
}
