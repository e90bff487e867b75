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

    public Task<bool> SealModelsAsync(SealedModels models, CancellationToken cancellationToken) =>
        WriteAsync(w => w.ChangesOneAsync(
            "INSERT INTO transparency_sealed_models (month, host, sealed_at, figures) VALUES ($month, $host, $at, $figures) ON CONFLICT DO NOTHING",
            ("$month", models.Month.Month), ("$host", models.Host), ("$at", models.Month.SealedAt.ToUnixMs()), ("$figures", models.Month.Figures)),
            cancellationToken);

    public async Task<IReadOnlyList<SealedModels>> ListSealedModelsAsync(int from, int to, string? host, CancellationToken cancellationToken) =>
        await QueryAsync(
            """
            SELECT month, host, sealed_at, figures FROM transparency_sealed_models
            WHERE month BETWEEN $from AND $to AND ($host IS NULL OR host = $host) ORDER BY month, host
            """,
            r => new SealedModels(r.GetString(1), new SealedMonth(r.GetInt32(0), FromUnixMs(r.GetInt64(2)), r.GetString(3))),
            ("$from", from), ("$to", to), ("$host", host));

    public Task<int> AddModelErrataAsync(IReadOnlyList<ModelErratum> errata, CancellationToken cancellationToken) =>
        WriteAsync(async w =>
        {
            var added = 0;
            foreach (var (host, e) in errata)
            {
                added += await w.ExecuteAsync(
                    """
                    INSERT INTO transparency_model_errata (month, host, model, figure, seq, old_value, new_value, recorded_at)
                    VALUES ($month, $host, $model, $figure, $seq, $old, $new, $at) ON CONFLICT DO NOTHING
                    """,
                    ("$month", e.Month), ("$host", host), ("$model", e.Host ?? SqliteSealedMonths.WholeAnswer), ("$figure", e.Figure),
                    ("$seq", e.Sequence), ("$old", e.Old), ("$new", e.New), ("$at", e.RecordedAt.ToUnixMs()));
            }

            return added;
        }, cancellationToken);

    public async Task<IReadOnlyList<ModelErratum>> ListModelErrataAsync(int from, int to, string? host, CancellationToken cancellationToken) =>
        await QueryAsync(
            """
            SELECT month, host, model, figure, seq, old_value, new_value, recorded_at FROM transparency_model_errata
            WHERE month BETWEEN $from AND $to AND ($host IS NULL OR host = $host) ORDER BY month, recorded_at, host, model, figure, seq
            """,
            r => new ModelErratum(r.GetString(1), new TransparencyErratum(r.GetInt32(0), r.GetString(2) is { Length: > 0 } model ? model : null,
                r.GetString(3), r.GetInt32(4), r.GetNullableString(5), r.GetNullableString(6), FromUnixMs(r.GetInt64(7)))),
            ("$from", from), ("$to", to), ("$host", host));
}
