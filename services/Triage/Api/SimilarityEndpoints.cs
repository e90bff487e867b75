using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SafetyReports.ServiceDefaults.Security;
using SafetyReports.Triage.Similarity;
using SafetyReports.Triage.Storage;

namespace SafetyReports.Triage.Api;

/// <summary>Near-duplicates of a report (its cluster and similar earlier reports) and merging its cluster as duplicates.</summary>
public static class SimilarityEndpoints
{
    public static void MapSimilarityEndpoints(this IEndpointRouteBuilder triage)
    {
        triage.MapGet("/reports/{id:guid}/similar", SimilarAsync);
        triage.MapPost("/reports/{id:guid}/cluster/merge", MergeAsync);
        triage.MapPost("/reports/{id:guid}/cluster/confirm", ConfirmAsync);
    }

    /// <summary>The maintainer confirms the burst around this report: its held members are counted in the public figures again.</summary>
    private static async Task<IResult> ConfirmAsync(
        Guid id, ClaimsPrincipal user, ITriageStore store, SimilarReports similar, TriageReports reports, CancellationToken cancellationToken)
    {
        var report = await store.GetReportAsync(id, cancellationToken);
        if (report is null)
        {
            return ProblemResults.NotFound("No report with this id.");
        }

        var cluster = await similar.ClusterAsync(report, cancellationToken);
        var results = await reports.ConfirmBurstAsync(BurstHold.ToConfirm(cluster), ActorName.Of(user), cancellationToken);
        return Results.Ok(new BurstConfirmResponse(id, results));
    }

    private static async Task<IResult> SimilarAsync(Guid id, ITriageStore store, SimilarReports similar, CancellationToken cancellationToken)
    {
        var report = await store.GetReportAsync(id, cancellationToken);
        if (report is null)
        {
            return ProblemResults.NotFound("No report with this id.");
        }

        var cluster = await similar.ClusterAsync(report, cancellationToken);
        var earlier = await similar.EarlierAsync(report, cancellationToken);
        return Results.Ok(SimilarityView.From(cluster, earlier));
    }

    /// <summary>The cluster as it is now (what the report page showed, plus any report that joined since) is merged into this report.</summary>
    private static async Task<IResult> MergeAsync(
        Guid id, ClusterMergeRequest request, ClaimsPrincipal user, ITriageStore store, SimilarReports similar, TriageReports reports,
        CancellationToken cancellationToken)
    {
        var errors = ClusterMerge.Validate(request);
        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        var report = await store.GetReportAsync(id, cancellationToken);
        if (report is null)
        {
            return ProblemResults.NotFound("No report with this id.");
        }

        var cluster = await similar.ClusterAsync(report, cancellationToken);
        var results = await reports.MergeClusterAsync(id, ClusterMerge.ToMerge(cluster, id), request.Note, ActorName.Of(user), cancellationToken);
        return Results.Ok(new ClusterMergeResponse(id, results));
    }
}
