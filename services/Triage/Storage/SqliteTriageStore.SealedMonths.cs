using SafetyReports.ServiceDefaults.Storage.Sqlite;
using SafetyReports.Triage.Transparency.Sealing;
using static SafetyReports.ServiceDefaults.Storage.Sqlite.SqliteCommandExtensions;

namespace SafetyReports.Triage.Storage;

public sealed partial class SqliteTriageStore
{
    public Task<bool> SealMonthAsync(SealedMonth month, CancellationToken cancellationToken) =>
        WriteAsync(w => w.ChangesOneAsync(
            "INSERT INTO transparency_sealed_months (month, sealed_at, figures) VALUES ($month, $at, $figures) ON CONFLICT (month) DO NOTHING",
            ("$month", month.Month), ("$at", month.SealedAt.ToUnixMs()), ("$figures", month.Figures)), cancellationToken);

    public async Task<IReadOnlyList<SealedMonth>> ListSealedMonthsAsync(int from, int to, CancellationToken cancellationToken) =>
        await QueryAsync("SELECT month, sealed_at, figures FROM transparency_sealed_months WHERE month BETWEEN $from AND $to ORDER BY month",
            r => new SealedMonth(r.GetInt32(0), FromUnixMs(r.GetInt64(1)), r.GetString(2)), ("$from", from), ("$to", to));

    public Task<int> AddErrataAsync(IReadOnlyList<TransparencyErratum> errata, CancellationToken cancellationToken) =>
        WriteAsync(async w =>
        {
            var added = 0;
            foreach (var e in errata)
            {
                added += await w.ExecuteAsync(
                    """
                    INSERT INTO transparency_errata (month, host, figure, seq, old_value, new_value, recorded_at)
                    VALUES ($month, $host, $figure, $seq, $old, $new, $at) ON CONFLICT DO NOTHING
                    """,
                    ("$month", e.Month), ("$host", e.Host ?? SqliteSealedMonths.WholeAnswer), ("$figure", e.Figure), ("$seq", e.Sequence),
                    ("$old", e.Old), ("$new", e.New), ("$at", e.RecordedAt.ToUnixMs()));
            }

            return added;
        }, cancellationToken);

    public async Task<IReadOnlyList<TransparencyErratum>> ListErrataAsync(int from, int to, CancellationToken cancellationToken) =>
        await QueryAsync(
            """
            SELECT month, host, figure, seq, old_value, new_value, recorded_at FROM transparency_errata
            WHERE month BETWEEN $from AND $to ORDER BY month, recorded_at, host, figure, seq
            """,
            r => new TransparencyErratum(r.GetInt32(0), r.GetString(1) is { Length: > 0 } host ? host : null, r.GetString(2), r.GetInt32(3),
                r.GetNullableString(4), r.GetNullableString(5), FromUnixMs(r.GetInt64(6))),
            ("$from", from), ("$to", to));
}
