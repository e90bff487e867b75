using Microsoft.Data.Sqlite;
using SafetyReports.ServiceDefaults.Storage.Sqlite;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// What a Triage file from before the migration journal may still need once it has every column, index and table of
/// migration 1: the one-off backfills the earlier releases ran at start, each recorded in <c>triage_meta</c> when done
/// (a file made by the release of 2026-11-29 has them all), and the indexes those releases replaced.
/// </summary>
internal static class SqliteTriageBeforeJournal
{
    private const string Done = "1";

    public static void CatchUp(SqliteConnection connection, SqliteTransaction transaction, SqliteCatchUp added)
    {
        connection.Execute(transaction, "DROP INDEX IF EXISTS ix_reports_status; DROP INDEX IF EXISTS ix_reports_model;");
        Once(connection, transaction, "counts", () => connection.Execute(transaction, SqliteReportCounters.Backfill));
        Once(connection, transaction, "search", () => IndexEveryReport(connection, transaction));
        Once(connection, transaction, "disclosure", () => BackfillDisclosure(connection, transaction));
        Once(connection, transaction, "closed_at", () => BackfillCloseTimes(connection, transaction));
    }

    private static void Once(SqliteConnection connection, SqliteTransaction transaction, string key, Action backfill)
    {
        if (SqliteTriageSchema.Meta(connection, transaction, key) != Done)
        {
            backfill();
            SqliteTriageSchema.SetMeta(connection, transaction, key, Done);
        }
    }

    /// <summary>Every report gets its search key (a stable one: a plain rowid may change on VACUUM) and its text indexed.</summary>
    private static void IndexEveryReport(SqliteConnection connection, SqliteTransaction transaction)
    {
        connection.Execute(transaction, "DELETE FROM reports_fts; UPDATE reports SET search_rowid = NULL;");
        using var key = connection.Command("UPDATE reports SET search_rowid = $key WHERE id = $id", transaction, ("$key", 0L), ("$id", ""));
        using var insert = connection.Command("INSERT INTO reports_fts (rowid, text) VALUES ($key, $text)", transaction, ("$key", 0L), ("$text", ""));
        var taken = new HashSet<long>();
        foreach (var doc in connection.Query(transaction, "SELECT doc FROM reports", r => r.GetString(0)))
        {
            var report = ReportDocument.Deserialize(doc);
            var next = SearchKey.For(report.ReceivedAt, report.Id);
            while (!taken.Add(next))
            {
                next++;
            }

            key.Parameters["$key"].Value = next;
            key.Parameters["$id"].Value = report.Id.ToString();
            key.ExecuteNonQuery();
            insert.Parameters["$key"].Value = next;
            insert.Parameters["$text"].Value = ReportDocument.SearchText(report);
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>Triaged reports stored before the disclosure policy get the column the disclosure job walks (no other can need it).</summary>
    private static void BackfillDisclosure(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var set = connection.Command("UPDATE reports SET unanswered_since = $since, disclosed_at = $disclosed WHERE id = $id", transaction,
            ("$since", null), ("$disclosed", null), ("$id", ""));
        var triaged = connection.Query(transaction,
            "SELECT doc FROM reports WHERE unanswered_since IS NULL AND disclosed_at IS NULL AND json_extract(doc, '$.triagedAt') IS NOT NULL", r => r.GetString(0));
        foreach (var doc in triaged)
        {
            var report = ReportDocument.Deserialize(doc);
            set.Parameters["$since"].Value = (object?)DisclosurePolicy.UnansweredSince(report)?.ToUnixMs() ?? DBNull.Value;
            set.Parameters["$disclosed"].Value = (object?)report.DisclosedAt?.ToUnixMs() ?? DBNull.Value;
            set.Parameters["$id"].Value = report.Id.ToString();
            set.ExecuteNonQuery();
        }
    }

    /// <summary>Closed reports from before close times were kept get one from the audit chain (<see cref="ClosedAtBackfill"/>).</summary>
    private static void BackfillCloseTimes(SqliteConnection connection, SqliteTransaction transaction)
    {
        var closed = connection.Query(transaction,
            "SELECT doc FROM reports WHERE status IN ('resolved', 'rejected', 'duplicate') AND json_extract(doc, '$.closedAt') IS NULL", r => ReportDocument.Deserialize(r.GetString(0)));
        foreach (var report in closed.Where(ClosedAtBackfill.Needs))
        {
            var entries = connection.Query(transaction,
                "SELECT seq, report_id, at, actor, action, data, prev_hash, hash FROM audit WHERE report_id = $id ORDER BY seq",
                SqliteTriageStore.ReadAudit,
                ("$id", report.Id.ToString()));
            // A new version, as any change: a writer holding the old one cannot replace the report without its close time.
            var updated = report with { ClosedAt = ClosedAtBackfill.CloseTime(report, entries), Version = report.Version + 1 };
            connection.Execute(transaction, "UPDATE reports SET doc = $doc, version = $version, contact_closed_at = $contact WHERE id = $id",
                ("$doc", ReportDocument.Serialize(updated)), ("$version", updated.Version),
                ("$contact", ContactRetention.PurgeKey(updated)?.ToUnixTimeMilliseconds()), ("$id", report.Id.ToString()));
        }
    }
}
