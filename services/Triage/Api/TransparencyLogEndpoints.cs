using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using SafetyReports.Triage.Storage;
using SafetyReports.Triage.TransparencyLog;

namespace SafetyReports.Triage.Api;

/// <summary>
/// The public transparency log over the audit chain (anonymous): the signed checkpoint, the verifier keys, inclusion and
/// consistency proofs, and the public leaves (docs/transparency.md, "The transparency log").
/// </summary>
public static class TransparencyLogEndpoints
{
    public const string Prefix = "/api/v1/transparency/log";

    private const string NoteContentType = "text/plain; charset=utf-8";

    public static void MapTransparencyLogEndpoints(this IEndpointRouteBuilder app)
    {
        var log = app.MapGroup(Prefix).AllowAnonymous().WithTags("Transparency");
        log.MapGet("/checkpoint", CheckpointAsync);
        log.MapGet("/key", Key);
        log.MapGet("/proof/inclusion", InclusionAsync);
        log.MapGet("/proof/consistency", ConsistencyAsync);
        log.MapGet("/leaves", LeavesAsync);
    }

    private static async Task<IResult> CheckpointAsync(HttpContext context, CheckpointSigner signer, CancellationToken cancellationToken)
    {
        var latest = await signer.LatestAsync(cancellationToken);
        context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
        return Results.Text(latest.Note, NoteContentType);
    }

    private static IResult Key(HttpContext context, LogKeys keys)
    {
        context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=300";
        return Results.Text(string.Concat(keys.Published.Select(k => k + "\n")), NoteContentType);
    }

    private static async Task<IResult> InclusionAsync(AuditLogTree tree, string? index, string? size, CancellationToken cancellationToken)
    {
        var query = new LogQuery();
        var (leaf, treeSize) = (query.Number(nameof(index), index, 0), query.Number(nameof(size), size, 1));
        if (leaf >= treeSize)
        {
            query.Fail(nameof(index), "The leaf must be inside the tree: below size.");
        }

        if (!query.Valid)
        {
            return ProblemResults.Validation(query.Errors);
        }

        var proof = await tree.ReadAsync(treeSize!.Value, t => new InclusionProofView(leaf!.Value, treeSize.Value,
            Convert.ToBase64String(t.LeafHash(leaf.Value)), [.. t.InclusionProof(leaf.Value, treeSize.Value).Select(Convert.ToBase64String)]), cancellationToken);
        return proof is null ? BeyondTheLog(nameof(size), tree) : Results.Ok(proof);
    }

    private static async Task<IResult> ConsistencyAsync(AuditLogTree tree, string? first, string? second, CancellationToken cancellationToken)
    {
        var query = new LogQuery();
        var (older, newer) = (query.Number(nameof(first), first, 1), query.Number(nameof(second), second, 1));
        if (older > newer)
        {
            query.Fail(nameof(first), "At most second: the older tree is not larger than the newer one.");
        }

        if (!query.Valid)
        {
            return ProblemResults.Validation(query.Errors);
        }

        var proof = await tree.ReadAsync(newer!.Value, t => new ConsistencyProofView(older!.Value, newer.Value,
            [.. t.ConsistencyProof(older.Value, newer.Value).Select(Convert.ToBase64String)]), cancellationToken);
        return proof is null ? BeyondTheLog(nameof(second), tree) : Results.Ok(proof);
    }

    private static async Task<IResult> LeavesAsync(ITriageStore store, AuditLogTree tree, string? start, string? end, string? report,
        CancellationToken cancellationToken)
    {
        if (report is not null)
        {
            return await ReportLeavesAsync(store, tree, report, start ?? end, cancellationToken);
        }

        var query = new LogQuery();
        var (from, to) = (query.Number(nameof(start), start, 0), query.Number(nameof(end), end, 1, required: false));
        if (from is not null && to is not null && (to <= from || to - from > LogQuery.MaxLeaves))
        {
            query.Fail(nameof(end), $"Above start, and at most {LogQuery.MaxLeaves} leaves after it.");
        }

        if (!query.Valid)
        {
            return ProblemResults.Validation(query.Errors);
        }

        var size = await tree.CatchUpAsync(cancellationToken);
        if (from >= size)
        {
            return BeyondTheLog(nameof(start), tree);
        }

        var last = Math.Min(to ?? from!.Value + LogQuery.MaxLeaves, size);
        var entries = await store.ReadAuditChainAsync(from!.Value, (int)(last - from.Value), cancellationToken);
        var leaves = entries.Select(LogLeaf.Of).Select(LeafView.Of).ToList();
        var next = last < size && (to is null || last < to) ? (long?)last : null;
        return Results.Ok(new LeavesView(size, leaves, next));
    }

    /// <summary>
    /// One report's leaves (its entries are few and indexed by report): how a reporter finds the leaf of their report's
    /// <c>received</c> entry. Every report id is in the public leaves anyway; this filters them. Only leaves the log has
    /// read are listed, so each can be proven at the size given.
    /// </summary>
    private static async Task<IResult> ReportLeavesAsync(ITriageStore store, AuditLogTree tree, string report, string? range, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(report, out var id) || range is not null)
        {
            return ProblemResults.Validation(new Dictionary<string, string[]>
            {
                [range is null ? nameof(report) : "start"] = [range is null ? "A report id (a UUID)." : "Either report, or start and end: not both."],
            });
        }

        var size = await tree.CatchUpAsync(cancellationToken);
        var leaves = (await store.GetAuditAsync(id, cancellationToken)).Where(e => e.Sequence <= size).Select(LogLeaf.Of).Select(LeafView.Of).ToList();
        return Results.Ok(new LeavesView(size, leaves, null));
    }

    private static IResult BeyondTheLog(string field, AuditLogTree tree) =>
        ProblemResults.Validation(new Dictionary<string, string[]> { [field] = [$"Beyond the log, which has {tree.Size} leaves."] });
}
