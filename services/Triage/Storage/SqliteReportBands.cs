using Microsoft.Data.Sqlite;
using SafetyReports.ServiceDefaults.Storage.Sqlite;
using SafetyReports.Triage.Similarity;
using static SafetyReports.ServiceDefaults.Storage.Sqlite.SqliteCommandExtensions;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// Each report's MinHash signature (<c>reports.signature</c>) and its LSH bands (<c>report_bands</c>, keyed by band and
/// received time), so the near-duplicates of a report are an index lookup on its 16 band keys, never a scan.
/// </summary>
internal static class SqliteReportBands
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
        var bands = signature.BandKeys();
        if (bands.Count == 0)
        {
            return Task.FromResult(new List<SimilarCandidate>());
        }

        var names = bands.Select((_, i) => $"$b{i}").ToList();
        return connection.QueryAsync(
            $"""
            SELECT doc, signature FROM reports
            WHERE id IN (SELECT id FROM report_bands WHERE band IN ({string.Join(", ", names)}) AND received_at >= $from AND received_at < $before)
            ORDER BY received_at DESC, id DESC LIMIT $max
            """,
            r => new SimilarCandidate(ReportDocument.Deserialize(r.GetString(0)), ReportSignature.Parse(r.GetNullableString(1))), null,
            [.. names.Zip(bands, (n, b) => (n, (object?)b)), ("$from", Clamp(from).ToUnixMs()), ("$before", Clamp(before).ToUnixMs()), ("$max", max)]);
    }

    /// <summary>Unix milliseconds hold about ±292 million years; the open ends of a lookup are clamped to what a report can have.</summary>
    private static DateTimeOffset Clamp(DateTimeOffset value) =>
        value < DateTimeOffset.UnixEpoch ? DateTimeOffset.UnixEpoch : value > MaxTime ? MaxTime : value;

    private static readonly DateTimeOffset MaxTime = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
