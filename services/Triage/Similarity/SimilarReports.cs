using SafetyReports.Triage.Storage;

namespace SafetyReports.Triage.Similarity;

/// <summary>A report's cluster and its similar earlier reports, from the store's band index (<see cref="ITriageStore.FindSimilarAsync"/>).</summary>
public sealed class SimilarReports(ITriageStore store, SimilarityOptions options, TimeProvider? clock = null)
{
    /// <summary>How long the queue reuses a report's cluster: each listed report would otherwise cost a band lookup on every poll.</summary>
    public static readonly TimeSpan QueueReuse = TimeSpan.FromSeconds(30);

    private const int MaxQueueEntries = 20_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, (DateTimeOffset At, ReportCluster Cluster)> _queue = new();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

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

    /// <summary>The cluster as the queue shows it: computed at most once per <see cref="QueueReuse"/> per report.</summary>
    public async Task<ReportCluster> QueueClusterAsync(Report report, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        if (_queue.TryGetValue(report.Id, out var kept) && now - kept.At < QueueReuse)
        {
            return kept.Cluster;
        }

        var cluster = await ClusterAsync(report, cancellationToken);
        if (_queue.Count >= MaxQueueEntries)
        {
            _queue.Clear();
        }

        _queue[report.Id] = (now, cluster);
        return cluster;
    }

    public async Task<IReadOnlyList<SimilarReport>> EarlierAsync(Report report, CancellationToken cancellationToken)
    {
        var signature = ReportSignature.Of(report);
        // Candidates below the threshold share a band too: read a few more than are shown.
        var candidates = await store.FindSimilarAsync(signature, DateTimeOffset.MinValue, report.ReceivedAt, MaxEarlier * 5, cancellationToken);
        return ReportClusters.Earlier(report, signature, candidates, options, MaxEarlier);
    }
}
