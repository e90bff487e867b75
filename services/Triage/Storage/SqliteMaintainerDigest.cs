using SafetyReports.ServiceDefaults.Storage.Sqlite;
using static SafetyReports.ServiceDefaults.Storage.Sqlite.SqliteCommandExtensions;

namespace SafetyReports.Triage.Storage;

/// <summary>The events kept for maintainers' daily digests on SQLite; unsent ones found by a partial index.</summary>
public static class SqliteMaintainerDigest
{
    public const string Table = """
        CREATE TABLE maintainer_digest_items (
            id TEXT PRIMARY KEY,
            maintainer TEXT NOT NULL,
            kind TEXT NOT NULL,
            report_id TEXT NOT NULL,
            at INTEGER NOT NULL,
            sent_at INTEGER
        );
        CREATE INDEX ix_maintainer_digest_unsent ON maintainer_digest_items (maintainer, at, id) WHERE sent_at IS NULL;
        CREATE INDEX ix_maintainer_digest_sent ON maintainer_digest_items (sent_at) WHERE sent_at IS NOT NULL;
        """;

    public static Task AddAsync(SqliteWrite w, MaintainerDigestItem item) =>
        w.ExecuteAsync(
            "INSERT INTO maintainer_digest_items (id, maintainer, kind, report_id, at) VALUES ($id, $maintainer, $kind, $report, $at) ON CONFLICT (id) DO NOTHING",
            ("$id", item.Id.ToString()), ("$maintainer", item.Maintainer), ("$kind", item.Kind.ToString()),
            ("$report", item.ReportId.ToString()), ("$at", item.At.ToUnixMs()));

    public static async Task<IReadOnlyList<MaintainerDigestItem>> UnsentAsync(SqliteDatabase database, DateTimeOffset before, int max) =>
        await database.ReadAsync(c => c.QueryAsync(
            "SELECT id, maintainer, kind, report_id, at FROM maintainer_digest_items WHERE sent_at IS NULL AND at < $before ORDER BY maintainer, at, id LIMIT $max",
            r => new MaintainerDigestItem(Guid.Parse(r.GetString(0)), r.GetString(1), Enum.Parse<MaintainerEventKind>(r.GetString(2)),
                Guid.Parse(r.GetString(3)), FromUnixMs(r.GetInt64(4))),
            null, ("$before", before.ToUnixMs()), ("$max", max)));

    public static async Task SentAsync(SqliteWrite w, IReadOnlyList<Guid> ids, DateTimeOffset at, DateTimeOffset pruneSentBefore)
    {
        var (list, parameters) = InList(ids);
        if (parameters.Length > 0)
        {
            await w.ExecuteAsync($"UPDATE maintainer_digest_items SET sent_at = $at WHERE id IN ({list}) AND sent_at IS NULL",
                [.. parameters, ("$at", at.ToUnixMs())]);
        }

        await w.ExecuteAsync("DELETE FROM maintainer_digest_items WHERE sent_at IS NOT NULL AND sent_at < $prune", ("$prune", pruneSentBefore.ToUnixMs()));
    }
}
