using SafetyReports.Triage.Storage;

namespace SafetyReports.Triage.Transparency.Sealing;

/// <summary>
/// Every <see cref="TransparencyOptions.SealCheckInterval"/>: seals each month of the last <see cref="TransparencyOptions.MaxMonths"/>
/// whose <see cref="TransparencyOptions.SealAfter"/> has passed since it ended (its public hosts figures as served now, then each
/// listed host's per-model figures, <see cref="ModelSeals"/>), and records an erratum for each value of a sealed month that now
/// reads differently. Replicas may run it at once: the first
/// seal and the first erratum of a key stay. A month that fails is logged and left for the next pass; the others go on.
/// </summary>
public sealed partial class MonthSealer(ISealedMonths store, TransparencyQuery query, TransparencyOptions options, TimeProvider clock, ILogger<MonthSealer> logger)
    : PollingLoop(clock, logger)
{
    protected override TimeSpan Interval => options.SealCheckInterval;

    /// <summary>The latest month whose seal time has come at <paramref name="now"/> (yyyyMM).</summary>
    public static int LastDue(DateTimeOffset now, TimeSpan sealAfter) => TransparencyMonth.Add(TransparencyMonth.Of(now - sealAfter), -1);

    /// <summary>One pass; returns the answers sealed (a month's hosts answer, a host's models in a month) and the errata recorded.</summary>
    public async Task<(int Sealed, int Errata)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var last = LastDue(now, options.SealAfter);
        var first = TransparencyMonth.Add(TransparencyMonth.Of(now), -options.MaxMonths);
        if (last < first)
        {
            return (0, 0);
        }

        var months = (await store.ListSealedMonthsAsync(first, last, cancellationToken)).ToDictionary(m => m.Month);
        var recorded = (await store.ListErrataAsync(first, last, cancellationToken)).ToLookup(e => e.Month);
        var sealedModels = (await store.ListSealedModelsAsync(first, last, null, cancellationToken)).ToLookup(m => m.Month.Month);
        var modelErrata = (await store.ListModelErrataAsync(first, last, null, cancellationToken)).ToLookup(e => e.Erratum.Month);
        var models = new ModelSeals(store, query, options, Logger);
        int sealedCount = 0, errataCount = 0;
        for (var month = first; month <= last; month = TransparencyMonth.Add(month, 1))
        {
            try
            {
                TransparencyFigures hosts;
                if (months.TryGetValue(month, out var seal))
                {
                    (hosts, var found) = await CorrectAsync(seal, recorded[month].ToList(), now, cancellationToken);
                    errataCount += found;
                }
                else
                {
                    (hosts, var sealedNow) = await SealAsync(month, cancellationToken);
                    sealedCount += sealedNow ? 1 : 0;
                }

                var (modelsSealed, modelsErrata) = await models.RunAsync(
                    month, hosts.Groups.Select(g => g.Host), sealedModels[month].ToList(), modelErrata[month].ToList(), now, cancellationToken);
                sealedCount += modelsSealed;
                errataCount += modelsErrata;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                LogMonthFailed(Logger, ex, TransparencyMonth.Format(month));
            }
        }

        return (sealedCount, errataCount);
    }

    /// <returns>The month's hosts figures now, and whether this pass sealed them (false: another replica did first).</returns>
    private async Task<(TransparencyFigures Figures, bool Sealed)> SealAsync(int month, CancellationToken cancellationToken)
    {
        var figures = await query.FiguresAsync(null, new TransparencyPeriod(month, month), cancellationToken);
        return (figures, await store.SealMonthAsync(new SealedMonth(month, figures.AsOf, SealedFigures.Write(figures)), cancellationToken));
    }

    /// <returns>The month's hosts figures recomputed as of its seal, and how many errata were recorded.</returns>
    private async Task<(TransparencyFigures Figures, int Errata)> CorrectAsync(
        SealedMonth seal, IReadOnlyList<TransparencyErratum> recorded, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recomputed = await query.FiguresAsync(
            null, new TransparencyPeriod(seal.Month, seal.Month), options.SuppressionThreshold, seal.SealedAt, cancellationToken);
        var found = MonthErrata.Find(seal.Month, FigureValues.Of(SealedFigures.Read(seal)), recorded, FigureValues.Of(recomputed), now);
        return (recomputed, found.Count == 0 ? 0 : await store.AddErrataAsync(found, cancellationToken));
    }

    protected override async Task<LoopStep> RunStepAsync(CancellationToken stoppingToken)
    {
        var (sealedCount, errataCount) = await RunOnceAsync(stoppingToken);
        if (sealedCount > 0 || errataCount > 0)
        {
            LogPass(Logger, sealedCount, errataCount);
        }

        return LoopStep.Idle;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Transparency seals: {Months} answers sealed (months, and hosts' models), {Errata} errata recorded")]
    private static partial void LogPass(ILogger logger, int months, int errata);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transparency seals: month {Month} could not be sealed or checked; the next pass tries again")]
    private static partial void LogMonthFailed(ILogger logger, Exception exception, string month);
}
