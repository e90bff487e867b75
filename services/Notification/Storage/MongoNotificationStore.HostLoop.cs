using MongoDB.Driver;

namespace SafetyReports.Notification.Storage;

public sealed partial class MongoNotificationStore : IHostLoopStore
{
    /// <summary>
    /// Reads the kept revision and replaces the notice in one transaction: two writers racing conflict, and the
    /// driver runs the loser again, which then finds the winner's revision. MongoDB promises nothing about the
    /// bytes of a replaced document on disk (docs/webhooks.md says so).
    /// </summary>
    public Task<NoticeWrite> SaveNoticeAsync(HostNotice notice, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken) =>
        InTransactionAsync(async w =>
        {
            // The revision alone: a notice may be long, and only its revision decides.
            var stored = await _notices.Find(w.Session, MongoNotificationFilters.NoticeOf(notice.ReportId))
                .Project<MongoNoticeDocument>(MongoNotificationFilters.RevisionOnly).FirstOrDefaultAsync(w.CancellationToken);
            int? kept = stored?.Revision;
            if (kept >= notice.Revision)
            {
                return NoticeWrite.Ignored;
            }

            await _notices.ReplaceOneAsync(
                w.Session, MongoNotificationFilters.NoticeOf(notice.ReportId), MongoNoticeDocument.From(notice), new ReplaceOptions { IsUpsert = true },
                w.CancellationToken);
            await InsertDeliveriesAsync(w, deliveries);
            return kept is null ? NoticeWrite.Stored : NoticeWrite.Replaced;
        }, cancellationToken);

    public async Task<IReadOnlyList<HostNotice>> GetNoticesAsync(IReadOnlyCollection<Guid> reportIds, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        if (reportIds.Count == 0)
        {
            return [];
        }

        var documents = await _notices.Find(MongoNotificationFilters.NoticesOf(reportIds)).ToListAsync(cancellationToken);
        return documents.Select(d => d.ToNotice()).ToList();
    }

    public Task<bool> AddContestAsync(HostContest contest, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken) =>
        InTransactionAsync(async w =>
        {
            var result = await _contests.UpdateOneAsync(
                w.Session, Builders<HostContest>.Filter.Eq(d => d.Id, contest.Id),
                MongoNotificationFilters.InsertIfAbsent(contest), new UpdateOptions { IsUpsert = true }, w.CancellationToken);
            if (result.UpsertedId is null)
            {
                return false;
            }

            await InsertDeliveriesAsync(w, deliveries);
            return true;
        }, cancellationToken);

    public async Task<IReadOnlyList<HostContest>> GetContestsAsync(IReadOnlyCollection<Guid> reportIds, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        if (reportIds.Count == 0)
        {
            return [];
        }

        return await _contests.Find(MongoNotificationFilters.ContestsOf(reportIds))
            .Sort(MongoNotificationFilters.ContestsOldestFirst).ToListAsync(cancellationToken);
    }

    public Task<bool> AddMessageAsync(ThreadMessage message, IReadOnlyList<Delivery> deliveries, OutboxMessage? announcement, CancellationToken cancellationToken) =>
        InTransactionAsync(async w =>
        {
            var result = await _messages.UpdateOneAsync(
                w.Session, Builders<ThreadMessage>.Filter.Eq(d => d.Id, message.Id),
                MongoNotificationFilters.InsertIfAbsent(message), new UpdateOptions { IsUpsert = true }, w.CancellationToken);
            if (result.UpsertedId is null)
            {
                return false;
            }

            await InsertDeliveriesAsync(w, deliveries);
            await w.AnnounceAsync(announcement);
            return true;
        }, cancellationToken);

    public async Task<IReadOnlyList<ThreadMessage>> GetMessagesAsync(Guid reportId, string hostId, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        return await _messages.Find(MongoNotificationFilters.ThreadOf(reportId, hostId))
            .Sort(MongoNotificationFilters.ThreadOrder).ToListAsync(cancellationToken);
    }
}
