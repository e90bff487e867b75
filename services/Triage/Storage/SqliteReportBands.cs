using Microsoft.Data.Sqlite;
using SafetyReports.ServiceDefaults.Storage.Sqlite;
using SafetyReports.Triage.Similarity;
using static SafetyReports.ServiceDefaults.Storage.Sqlite.SqliteCommandExtensions;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// Each report's MinHash signature (<c>reports.signature</c>) and its LSH bands (<c>report_bands</c>, keyed by band and
/// received time), so the near-duplicates of a report are an index lookup on its 16 band keys, never a scan.
/// </summary>
public static class SqliteReportBands
{
    /// <summary>Migration step 4: the column, the band table, and the signatures of the reports already stored.</summary>
    public const string Schema = """
        ALTER TABLE reports ADD COLUMN signature TEXT;
        CREATE TABLE report_bands (
            band TEXT NOT NULL,
            received_at INTEGER NOT NULL,
            id TEXT NOT NULL,
            PRIMARY KEY (band, received_at, id)
        ) WITHOUT ROWID;
        CREATE INDEX ix_report_bands_id ON report_bands (id);
        """;

    public static void Migrate(SqliteConnection connection, SqliteTransaction transaction)
    {
        connection.Execute(transaction, Schema);
        foreach (var doc in connection.Query(transaction, "SELECT doc FROM reports ORDER BY received_at, id", r => r.GetString(0)))
        {
            Write(connection, transaction, ReportDocument.Deserialize(doc));
        }
    }

    /// <summary>Stores the report's signature and bands, replacing earlier ones (its text was edited or redacted).</summary>
    public static void Write(SqliteConnection connection, SqliteTransaction transaction, Report report)
    {
        var signature = ReportSignature.Of(report);
        var id = report.Id.ToString();
        connection.Execute(transaction, "UPDATE reports SET signature = $signature WHERE id = $id", ("$signature", signature.Serialize()), ("$id", id));
        connection.Execute(transaction, "DELETE FROM report_bands WHERE id = $id", ("$id", id));
        foreach (var band in signature.BandKeys())
        {
            connection.Execute(transaction, "INSERT INTO report_bands (band, received_at, id) VALUES ($band, $received, $id)",
                ("$band", band), ("$received", report.ReceivedAt.ToUnixMs()), ("$id", id));
        }
    }

    /// <summary>Reports sharing a band with <paramref name="signature"/>, received in [from, before), most recent first.</summary>
    public static Task<List<SimilarCandidate>> FindAsync(
        SqliteConnection connection, ReportSignature signature, DateTimeOffset from, DateTimeOffset before, int max)
    {
        if (Lookup(signature.BandKeys(), from, before, max) is not var (sql, parameters))
        {
            return Task.FromResult(new List<SimilarCandidate>());
        }

        return connection.QueryAsync(sql,
            r => new SimilarCandidate(ReportDocument.Deserialize(r.GetString(0)), ReportSignature.Parse(r.GetNullableString(1))), null, parameters);
    }

    /// <summary>
    /// The lookup's SQL, <c>(doc, signature)</c> newest first; null without bands. One walk per band on its
    /// <c>(band, received_at, id)</c> key, newest first, merged as they stream by the compound SELECT's ORDER BY (UNION folds
    /// a report found in several bands): the LIMIT stops the walks after <paramref name="max"/> reports, and only those
    /// reports' documents are read. (An IN over the bands sorted every match of a brigade with its document, for every
    /// lookup: 150–250 ms at 8,000 near-identical reports, once per report the queue lists; 16–50 ms this way.)
    /// </summary>
    public static (string Sql, (string, object?)[] Parameters)? Lookup(IReadOnlyList<string> bands, DateTimeOffset from, DateTimeOffset before, int max)
    {
        if (bands.Count == 0)
        {
            return null;
        }

        var names = bands.Select((_, i) => $"$b{i}").ToList();
        var walks = names.Select(n => $"SELECT received_at, id FROM report_bands WHERE band = {n} AND received_at >= $from AND received_at < $before");
        return ($"""
            WITH found(received_at, id) AS ({string.Join(" UNION ", walks)} ORDER BY received_at DESC, id DESC LIMIT $max)
            SELECT reports.doc, reports.signature FROM found CROSS JOIN reports ON reports.id = found.id
            ORDER BY found.received_at DESC, found.id DESC
            """,
            [.. names.Zip(bands, (n, b) => (n, (object?)b)), ("$from", Clamp(from).ToUnixMs()), ("$before", Clamp(before).ToUnixMs()), ("$max", max)]);
    }

    /// <summary>Unix milliseconds hold about ±292 million years; the open ends of a lookup are clamped to what a report can have.</summary>
    private static DateTimeOffset Clamp(DateTimeOffset value) =>
        value < DateTimeOffset.UnixEpoch ? DateTimeOffset.UnixEpoch : value > MaxTime ? MaxTime : value;

    private static readonly DateTimeOffset MaxTime = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
