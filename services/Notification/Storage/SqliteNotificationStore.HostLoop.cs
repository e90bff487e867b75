using static SafetyReports.ServiceDefaults.Storage.Sqlite.SqliteCommandExtensions;
using SafetyReports.ServiceDefaults.Storage.Sqlite;

namespace SafetyReports.Notification.Storage;

public sealed partial class SqliteNotificationStore : IHostLoopStore
{
    public async Task<NoticeWrite> SaveNoticeAsync(HostNotice notice, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        var write = await WriteAsync(async w =>
        {
            var kept = await w.QueryAsync("SELECT revision FROM notices WHERE report_id = $id", r => r.GetInt32(0), ("$id", notice.ReportId.ToString()));
            if (kept is [var revision] && revision >= notice.Revision)
            {
                return NoticeWrite.Ignored;
            }

            await w.ExecuteAsync(
                """
                INSERT INTO notices (report_id, host_id, revision, doc) VALUES ($id, $host, $revision, $doc)
                ON CONFLICT (report_id) DO UPDATE SET host_id = excluded.host_id, revision = excluded.revision, doc = excluded.doc
                """,
                ("$id", notice.ReportId.ToString()), ("$host", notice.HostId), ("$revision", notice.Revision),
                ("$doc", JsonSerializer.Serialize(notice, Json)));
            await InsertDeliveriesAsync(w, deliveries);
            return kept.Count == 0 ? NoticeWrite.Stored : NoticeWrite.Replaced;
        }, cancellationToken);
        if (write == NoticeWrite.Replaced)
        {
            // secure_delete zeroed the old row and its freed pages; earlier page images stay in the WAL until it is emptied
            // (now, or later when readers hold it: the notice is committed either way).
            await _scrub.AfterCommitAsync(cancellationToken);
        }

        return write;
    }

    public async Task<IReadOnlyList<HostNotice>> GetNoticesAsync(IReadOnlyCollection<Guid> reportIds, CancellationToken cancellationToken)
    {
        if (reportIds.Count == 0)
        {
            return [];
        }

        var (list, parameters) = InList(reportIds);
        return await QueryAsync($"SELECT doc FROM notices WHERE report_id IN ({list})",
            r => JsonSerializer.Deserialize<HostNotice>(r.GetString(0), Json)!, parameters);
    }

    public Task<bool> AddContestAsync(HostContest contest, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken) =>
        WriteAsync(async w =>
        {
            var added = await w.ChangesOneAsync(
                """
                INSERT INTO contests (id, report_id, host_id, response_revision, reason, note, contested_at, forwarded_at)
                VALUES ($id, $report, $host, $revision, $reason, $note, $contested, $forwarded) ON CONFLICT (id) DO NOTHING
                """,
                ("$id", contest.Id.ToString()), ("$report", contest.ReportId.ToString()), ("$host", contest.HostId),
                ("$revision", contest.ResponseRevision), ("$reason", contest.Reason), ("$note", contest.Note),
                ("$contested", contest.ContestedAt.ToUnixMs()), ("$forwarded", contest.ForwardedAt.ToUnixMs()));
            if (added)
            {
                await InsertDeliveriesAsync(w, deliveries);
            }

            return added;
        }, cancellationToken);

    public async Task<IReadOnlyList<HostContest>> GetContestsAsync(IReadOnlyCollection<Guid> reportIds, CancellationToken cancellationToken)
    {
        if (reportIds.Count == 0)
        {
            return [];
        }

        var (list, parameters) = InList(reportIds);
        return await QueryAsync(
            $"""
            SELECT id, report_id, host_id, response_revision, reason, note, contested_at, forwarded_at FROM contests
            WHERE report_id IN ({list}) ORDER BY contested_at, id
            """,
            r => new HostContest(Guid.Parse(r.GetString(0)), Guid.Parse(r.GetString(1)), r.GetString(2), r.GetInt32(3), r.GetString(4),
                r.GetNullableString(5), FromUnixMs(r.GetInt64(6)), FromUnixMs(r.GetInt64(7))),
            parameters);
    }

    public Task<bool> AddMessageAsync(ThreadMessage message, IReadOnlyList<Delivery> deliveries, OutboxMessage? announcement, CancellationToken cancellationToken) =>
        WriteAsync(async w =>
        {
            var added = await w.ChangesOneAsync(
                """
                INSERT INTO messages (id, report_id, host_id, sender, author, text, sent_at)
                VALUES ($id, $report, $host, $sender, $author, $text, $at) ON CONFLICT (id) DO NOTHING
                """,
                ("$id", message.Id.ToString()), ("$report", message.ReportId.ToString()), ("$host", message.HostId),
                ("$sender", message.From), ("$author", message.Author), ("$text", message.Text), ("$at", message.SentAt.ToUnixMs()));
            if (added)
            {
                await InsertDeliveriesAsync(w, deliveries);
                await w.AnnounceAsync(announcement);
            }

            return added;
        }, cancellationToken);

    public async Task<IReadOnlyList<ThreadMessage>> GetMessagesAsync(Guid reportId, string hostId, CancellationToken cancellationToken) =>
        await QueryAsync(
            """
            SELECT id, report_id, host_id, sender, author, text, sent_at FROM messages
            WHERE report_id = $report AND host_id = $host ORDER BY sent_at, id
            """,
            r => new ThreadMessage(Guid.Parse(r.GetString(0)), Guid.Parse(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetString(4),
                r.GetString(5), FromUnixMs(r.GetInt64(6))),
            ("$report", reportId.ToString()), ("$host", hostId));
}
