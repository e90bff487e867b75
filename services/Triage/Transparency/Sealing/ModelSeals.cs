using SafetyReports.Triage.Storage;

namespace SafetyReports.Triage.Transparency.Sealing;

/// <summary>
/// The per-model side of sealing one month, run by <see cref="MonthSealer"/> after the month's hosts answer: each host listed
/// in the month gets its per-model answer sealed (once), and each sealed per-model answer is recomputed as of its seal and
/// compared value by value with what it publishes, exactly as the hosts answer is (<see cref="MonthErrata"/>). A model can be
/// listed only when its host is (its triaged reports are the host's), so the listed hosts are every host with a model to seal.
/// A host that fails is logged and retried on the next pass; the others go on.
/// </summary>
public sealed partial class ModelSeals(ISealedMonths store, TransparencyQuery query, TransparencyOptions options, ILogger logger)
{
    /// <param name="listedHosts">The hosts listed in the month's hosts figures (now).</param>
    /// <param name="sealedModels">The month's per-model answers already sealed.</param>
    /// <param name="recorded">The month's per-model errata already recorded.</param>
    public async Task<(int Sealed, int Errata)> RunAsync(int month, IEnumerable<string> listedHosts, IReadOnlyList<SealedModels> sealedModels,
        IReadOnlyList<ModelErratum> recorded, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var period = new TransparencyPeriod(month, month);
        var recordedByHost = recorded.ToLookup(e => e.Host, e => e.Erratum);
        int sealedCount = 0, errataCount = 0;
        foreach (var seal in sealedModels)
        {
            errataCount += await GuardedAsync(month, seal.Host, async () =>
            {
                var recomputed = await query.FiguresAsync(seal.Host, period, options.SuppressionThreshold, seal.Month.SealedAt, cancellationToken);
                var found = MonthErrata.Find(month, FigureValues.Of(SealedFigures.Read(seal.Month)), recordedByHost[seal.Host].ToList(),
                    FigureValues.Of(recomputed), now);
                return found.Count == 0 ? 0 : await store.AddModelErrataAsync(found.Select(e => new ModelErratum(seal.Host, e)).ToList(), cancellationToken);
            }, cancellationToken);
        }

        var alreadySealed = sealedModels.Select(m => m.Host).ToHashSet(StringComparer.Ordinal);
        foreach (var host in listedHosts.Distinct(StringComparer.Ordinal).Where(h => !alreadySealed.Contains(h)))
        {
            sealedCount += await GuardedAsync(month, host, async () =>
            {
                var figures = await query.FiguresAsync(host, period, cancellationToken);
                var sealedNow = await store.SealModelsAsync(new SealedModels(host, new SealedMonth(month, figures.AsOf, SealedFigures.Write(figures))), cancellationToken);
                return sealedNow ? 1 : 0;
            }, cancellationToken);
        }

        return (sealedCount, errataCount);
    }

    private async Task<int> GuardedAsync(int month, string host, Func<Task<int>> step, CancellationToken cancellationToken)
    {
        try
        {
            return await step();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogHostFailed(logger, ex, TransparencyMonth.Format(month), host);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transparency seals: the models of {Host} in {Month} could not be sealed or checked; the next pass tries again")]
    private static partial void LogHostFailed(ILogger logger, Exception exception, string month, string host);
}
