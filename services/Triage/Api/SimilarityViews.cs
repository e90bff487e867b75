using SafetyReports.Triage.Similarity;

namespace SafetyReports.Triage.Api;

/// <summary>A cluster as the queue shows it: how many near-duplicates about the model arrived, over what span, from how many clients.</summary>
/// <param name="Held">Members held out of the public figures until a maintainer confirms the burst.</param>
public sealed record ClusterSummary(int Size, DateTimeOffset FirstAt, DateTimeOffset LastAt, int DistinctClients, bool Burst, int Held)
{
    /// <summary>Null for a report alone (the queue shows nothing).</summary>
    public static ClusterSummary? Of(ReportCluster cluster) =>
        cluster.IsSingle ? null : new(cluster.Size, cluster.FirstAt, cluster.LastAt, cluster.DistinctClients, cluster.Burst, BurstHold.ToConfirm(cluster).Count);
}

/// <summary>A member of a cluster or a similar earlier report: enough to tell it apart and open it, no report text beyond the title.</summary>
public sealed record SimilarReportItem(Guid Id, string Title, string Status, ModelReference Model, DateTimeOffset ReceivedAt, Guid? DuplicateOf, double? Similarity, bool Held)
{
    public static SimilarReportItem From(Report r, double? similarity = null) =>
        new(r.Id, r.Title, r.Status, r.Model, r.ReceivedAt, r.DuplicateOf, similarity is { } s ? Math.Round(s, 2) : null, r.HeldAt is not null);
}

/// <summary>
/// <c>GET …/reports/{id}/similar</c>: the report's cluster (itself included, oldest first; <c>summary</c> null when alone) and its
/// near-duplicates received earlier, about any model, most recent first.
/// </summary>
public sealed record SimilarityView(ClusterSummary? Summary, IReadOnlyList<SimilarReportItem> Cluster, IReadOnlyList<SimilarReportItem> Earlier)
{
    public static SimilarityView From(ReportCluster cluster, IReadOnlyList<SimilarReport> earlier) =>
        new(ClusterSummary.Of(cluster), [.. cluster.Members.Select(m => SimilarReportItem.From(m))], [.. earlier.Select(e => SimilarReportItem.From(e.Report, e.Similarity))]);
}

public sealed record ClusterMergeResponse(Guid Into, IReadOnlyList<ClusterMergeResult> Results);

public sealed record BurstConfirmResponse(Guid Id, IReadOnlyList<BurstConfirmResult> Results);
