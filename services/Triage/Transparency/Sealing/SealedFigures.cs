using SafetyReports.Triage.Storage;

namespace SafetyReports.Triage.Transparency.Sealing;

/// <summary>
/// The public figures with their months' seals, the hosts answer and each host's per-model answer alike: one sealed month is
/// answered with its snapshot as sealed; any other period is computed as now (provisional). Either way the errata of the
/// period's sealed months come with them (left out when none).
/// </summary>
public sealed class SealedFigures(TransparencyQuery query, ISealedMonths store)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<TransparencyFigures> HostsAsync(TransparencyPeriod period, CancellationToken cancellationToken)
    {
        var recorded = await store.ListErrataAsync(period.From, period.To, cancellationToken);
        var errata = recorded.Count == 0 ? null : recorded.Select(View).ToList();
        if (period.From == period.To && (await store.ListSealedMonthsAsync(period.From, period.To, cancellationToken)) is [var month])
        {
            return Read(month) with { SealedAt = month.SealedAt, Errata = errata };
        }

        return await query.FiguresAsync(null, period, cancellationToken) with { Errata = errata };
    }

    public async Task<TransparencyFigures> ModelsAsync(string host, TransparencyPeriod period, CancellationToken cancellationToken)
    {
        var errata = await ErrataAsync(period, host, cancellationToken);
        var shown = errata.Count == 0 ? null : errata;
        if (period.From == period.To && (await store.ListSealedModelsAsync(period.From, period.To, host, cancellationToken)) is [var models])
        {
            return Read(models.Month) with { SealedAt = models.Month.SealedAt, Errata = shown };
        }

        return await query.FiguresAsync(host, period, cancellationToken) with { Errata = shown };
    }

    /// <summary>
    /// The errata of the period's sealed months, by month, then as recorded: of the hosts answer (<paramref name="host"/> null), or
    /// of that host's per-model answer (each naming the host and the model, none for the whole answer's <c>held</c>).
    /// </summary>
    public async Task<IReadOnlyList<ErratumView>> ErrataAsync(TransparencyPeriod period, string? host, CancellationToken cancellationToken) =>
        host is null
            ? (await store.ListErrataAsync(period.From, period.To, cancellationToken)).Select(View).ToList()
            : (await store.ListModelErrataAsync(period.From, period.To, host, cancellationToken)).Select(View).ToList();

    public static ErratumView View(ModelErratum erratum) => View(erratum.Erratum) with { Host = erratum.Host, Model = erratum.Erratum.Host };

    /// <summary>The snapshot of a month: its figures exactly as the API serves them, without the seal's own fields.</summary>
    public static string Write(TransparencyFigures figures) => JsonSerializer.Serialize(figures with { SealedAt = null, Errata = null }, Json);

    public static TransparencyFigures Read(SealedMonth month) =>
        JsonSerializer.Deserialize<TransparencyFigures>(month.Figures, Json) ?? throw new InvalidDataException($"Sealed month {month.Month} holds no figures.");

    public static ErratumView View(TransparencyErratum erratum) =>
        new(TransparencyMonth.Format(erratum.Month), erratum.RecordedAt, erratum.Host, erratum.Figure, erratum.Old, erratum.New);
}
