using SafetyReports.Triage.Storage;

namespace SafetyReports.Triage.Transparency;

/// <summary>Reads the cells of a period from the store and turns them into the published figures.</summary>
public sealed class TransparencyQuery(ITriageStore store, TransparencyOptions options, TimeProvider clock)
{
    public TransparencyOptions Options => options;

    /// <param name="host">Null for the hosts; a host for its models.</param>
    public Task<TransparencyFigures> FiguresAsync(string? host, TransparencyPeriod period, CancellationToken cancellationToken) =>
        FiguresAsync(host, period, options.SuppressionThreshold, cancellationToken);

    /// <param name="host">Null for the hosts; a host for its models.</param>
    /// <param name="threshold">The public figures' suppression threshold, or <see cref="TransparencyFiguresBuilder.Unsuppressed"/> for maintainers.</param>
    public Task<TransparencyFigures> FiguresAsync(string? host, TransparencyPeriod period, int threshold, CancellationToken cancellationToken) =>
        FiguresAsync(host, period, threshold, clock.GetUtcNow(), cancellationToken);

    /// <param name="asOf">
    /// The moment the time-dependent counters are read at (pending or overdue acknowledgements, open reports' age bands):
    /// a sealed month is recomputed as of its seal, so only changes to its reports differ, not the passing of time.
    /// </param>
    public async Task<TransparencyFigures> FiguresAsync(string? host, TransparencyPeriod period, int threshold, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var tallies = new TransparencyTallies(asOf);
        var audit = await store.ReadTransparencyAsync(host, period, tallies, cancellationToken);
        return TransparencyFiguresBuilder.Build(tallies, period, options, audit, threshold);
    }
}
