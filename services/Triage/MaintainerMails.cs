using SafetyReports.Triage.Storage;

namespace SafetyReports.Triage;

/// <summary>
/// Writes to the maintainers who asked (<see cref="MaintainerNotifications"/>): each event as a mail of its own, queued in
/// Triage's mail outbox (sent by <see cref="MailDispatcher{TStore}"/>), or kept for their daily digest. Each mail's and
/// item's id comes from the maintainer and the event (<see cref="MaintainerMailRules"/>): an event seen again (a
/// redelivered message, the SLA watch's next pass) is mailed once. No address is ever logged.
/// </summary>
public sealed class MaintainerMails(
    ITriageStore store, MailProtector protector, EmailOptions options, SlaPolicy sla, MaintainerMailOptions mailOptions, TimeProvider clock)
{
    /// <summary>The most overdue reports per maintainer one pass of the SLA watch looks at (the most recently received first).</summary>
    public const int MaxBreachesPerPass = 200;

    private const int DigestBatch = 500;

    /// <summary>The maintainers' link to a report: the portal's report page under <see cref="EmailOptions.PortalBaseUrl"/>.</summary>
    public Uri ReportLink(Guid reportId) => options.PortalLink($"portal/reports/{reportId}");

    public Task NewReportAsync(Guid reportId, CancellationToken cancellationToken) =>
        NotifyAsync(MaintainerEvent.NewReport(reportId, clock.GetUtcNow()), cancellationToken);

    /// <summary>Mails the event to the maintainers who want it at once, and keeps it for those who want a digest.</summary>
    public async Task NotifyAsync(MaintainerEvent maintainerEvent, CancellationToken cancellationToken)
    {
        if (await store.GetReportAsync(maintainerEvent.ReportId, cancellationToken) is not { } report)
        {
            return;
        }

        var maintainers = await store.ListMaintainerNotificationsAsync(cancellationToken);
        await NotifyAsync(maintainerEvent, report, maintainers, cancellationToken);
    }

    private async Task NotifyAsync(
        MaintainerEvent maintainerEvent, Report report, IReadOnlyList<MaintainerNotifications> maintainers, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var maintainer in MaintainerMailRules.Recipients(maintainers, maintainerEvent.Kind, report))
        {
            var id = MaintainerMailRules.EventId(maintainer.Maintainer, maintainerEvent);
            if (maintainer.Delivery == NotificationDelivery.DailyDigest)
            {
                await store.AddDigestItemAsync(new MaintainerDigestItem(id, maintainer.Maintainer, maintainerEvent.Kind, report.Id, now), cancellationToken);
                continue;
            }

            var mail = MaintainerMailComposer.Event(id, maintainer.Email!, maintainerEvent.Kind, report, ReportLink(report.Id));
            await store.QueueMailAsync(protector.Queue(mail, now), cancellationToken);
        }
    }

    /// <summary>
    /// The SLA watch: each report assigned to a maintainer who asked, whose triage deadline passed within
    /// <see cref="MaintainerMailRules.BreachLookback"/>, is one event (its key holds the deadline).
    /// </summary>
    public async Task WatchBreachesAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var maintainers = await store.ListMaintainerNotificationsAsync(cancellationToken);
        foreach (var name in maintainers.Where(m => m is { SlaBreach: true, Name: not null }).Select(m => m.Name!).Distinct(StringComparer.Ordinal))
        {
            var overdue = await store.ListReportsAsync(
                new ReportQuery(Assignee: name, OverdueAt: now, Limit: MaxBreachesPerPass, Sort: ReportSort.Newest), cancellationToken);
            foreach (var report in overdue.Items.Where(r => sla.IsOverdue(r) && sla.Deadline(r) >= now - MaintainerMailRules.BreachLookback))
            {
                await NotifyAsync(MaintainerEvent.SlaBreach(report.Id, sla.Deadline(report)), report, maintainers, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Sends the digests due: every item kept before the latest digest time, one mail per maintainer (its id from the
    /// maintainer and the first item listed, so a retry queues nothing new; a maintainer with more items than one
    /// batch gets a second mail). True when a full batch was read (more may wait).
    /// </summary>
    public async Task<bool> SendDigestsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cutoff = MaintainerMailRules.DigestCutoff(now, mailOptions.DigestHourUtc);
        var items = await store.UnsentDigestItemsAsync(cutoff, DigestBatch, cancellationToken);
        var maintainers = (await store.ListMaintainerNotificationsAsync(cancellationToken)).ToDictionary(m => m.Maintainer, StringComparer.Ordinal);
        foreach (var group in items.GroupBy(i => i.Maintainer, StringComparer.Ordinal))
        {
            var listed = new List<(MaintainerDigestItem, Report?, Uri)>();
            foreach (var item in group)
            {
                listed.Add((item, await store.GetReportAsync(item.ReportId, cancellationToken), ReportLink(item.ReportId)));
            }

            var ids = group.Select(i => i.Id).ToList();
            if (!maintainers.TryGetValue(group.Key, out var maintainer) || maintainer.Email is null)
            {
                // They turned every mail off (or removed their address) since: the items are dropped, not sent.
                await store.DigestQueuedAsync(null, ids, now, now - MaintainerMailRules.DigestItemRetention, cancellationToken);
                continue;
            }

            var mail = MaintainerMailComposer.Digest(MaintainerMailRules.DigestMailId(group.Key, ids[0]), maintainer.Email, cutoff, listed);
            await store.DigestQueuedAsync(protector.Queue(mail, now), ids, now, now - MaintainerMailRules.DigestItemRetention, cancellationToken);
        }

        return items.Count == DigestBatch;
    }
}
