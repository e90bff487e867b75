using SafetyReports.Triage.Storage;

namespace SafetyReports.Triage.Similarity;

/// <summary>A report's cluster and its similar earlier reports, from the store's band index (<see cref="ITriageStore.FindSimilarAsync"/>).</summary>
public sealed class SimilarReports(ITriageStore store, SimilarityOptions options)
{
    /// <summary>The most candidates one cluster is built from; a larger brigade shows as this many.</summary>
    public const int MaxCluster = 500;

    /// <summary>How many similar earlier reports a report page lists.</summary>
    public const int MaxEarlier = 10;

    public async Task<ReportCluster> ClusterAsync(Report report, CancellationToken cancellationToken)
    {
        var signature = ReportSignature.Of(report);
        var candidates = await store.FindSimilarAsync(
            signature, report.ReceivedAt - options.Window, report.ReceivedAt + options.Window + TimeSpan.FromMilliseconds(1), MaxCluster, cancellationToken);
        return ReportClusters.Around(report, signature, candidates, options);
    }

    public async Task<IReadOnlyList<SimilarReport>> EarlierAsync(Report report, CancellationToken cancellationToken)
    {
        var signature = ReportSignature.Of(report);
        // Candidates below the threshold share a band too: read a few more than are shown.
        var candidates = await store.FindSimilarAsync(signature, DateTimeOffset.MinValue, report.ReceivedAt, MaxEarlier * 5, cancellationToken);
        return ReportClusters.Earlier(report, signature, candidates, options, MaxEarlier);
    }
}
