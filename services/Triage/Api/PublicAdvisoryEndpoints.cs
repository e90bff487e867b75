using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using SafetyReports.Triage.Storage;

namespace SafetyReports.Triage.Api;

/// <summary>
/// The public advisories (anonymous, rate-limited per client address): the list and change feed, and each advisory as OSV
/// (the default) or AVID JSON by <c>?format=</c>. Answers carry an ETag (of the bytes) and Last-Modified, and a conditional
/// request whose copy is current gets 304.
/// </summary>
public static class PublicAdvisoryEndpoints
{
    public const string ContentType = "application/json; charset=utf-8";

    public static void MapPublicAdvisoryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(AdvisoryFeed.Path, ListAsync).AllowAnonymous().RequireRateLimiting(AdvisoryRateLimit.Policy).WithTags("Advisories");
        app.MapGet(AdvisoryFeed.Path + "/{id}", GetAsync).AllowAnonymous().RequireRateLimiting(AdvisoryRateLimit.Policy).WithTags("Advisories");
    }

    private static async Task<IResult> ListAsync(HttpContext context, IAdvisories store, string? since, string? cursor, int? limit,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var position = since is not null ? AdvisoryFeed.Decode(since, timestamps: true) : cursor is null ? null : AdvisoryFeed.Decode(cursor, timestamps: false);
        if (since is not null && position is null)
        {
            errors["since"] = ["An RFC 3339 time (e.g. 2026-12-01T00:00:00Z) or the next of an earlier answer."];
        }

        if (cursor is not null && (since is not null || position is null))
        {
            errors["cursor"] = [since is not null ? "Either since (the change feed) or cursor (newest first), not both." : "Not a cursor this API gave out."];
        }

        if (limit is < 1 or > AdvisoryFeed.MaxLimit)
        {
            errors["limit"] = [$"From 1 to {AdvisoryFeed.MaxLimit}."];
        }

        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        var feed = since is not null;
        var take = limit ?? AdvisoryFeed.DefaultLimit;
        var found = await store.ListAdvisoriesAsync(position, feed, take + 1, cancellationToken);
        var items = found.Take(take).ToList();
        // The feed always says where to go on from (the last change seen, or where it was asked from): asking again later gets what changed since.
        var next = feed
            ? items.Count > 0 ? AdvisoryFeed.Encode(new AdvisoryCursor(items[^1].Modified, items[^1].Id)) : since
            : found.Count > take ? AdvisoryFeed.Encode(new AdvisoryCursor(items[^1].Modified, items[^1].Id)) : null;
        var page = new AdvisoryListPage([.. items.Select(AdvisoryListItem.From)], next);
        var lastModified = items.Count == 0 ? (DateTimeOffset?)null : items.Max(a => a.Modified);
        return Cached(context, JsonSerializer.SerializeToUtf8Bytes(page, AdvisoryJson.Api), lastModified);
    }

    private static async Task<IResult> GetAsync(HttpContext context, IAdvisories store, string id, string? format, CancellationToken cancellationToken)
    {
        var chosen = format ?? AdvisoryJson.OsvFormat;
        if (!AdvisoryJson.Formats.Contains(chosen))
        {
            return ProblemResults.Validation(new Dictionary<string, string[]> { ["format"] = ["Either osv (the default) or avid."] });
        }

        var advisory = AdvisoryId.IsWellFormed(id) ? await store.GetAdvisoryAsync(id, cancellationToken) : null;
        return advisory is null
            ? ProblemResults.NotFound("No advisory with this id.")
            : Cached(context, AdvisoryJson.Serve(advisory, chosen), advisory.Modified);
    }

    /// <summary>The body with its validators, or 304 when the request's copy is this one.</summary>
    private static IResult Cached(HttpContext context, byte[] body, DateTimeOffset? lastModified)
    {
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"");
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromMinutes(1) };
        if (lastModified is { } modified)
        {
            headers.LastModified = modified;
        }

        var request = context.Request.GetTypedHeaders();
        var notModified = request.IfNoneMatch.Count > 0
            ? request.IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false))
            : request.IfModifiedSince is { } since && lastModified is { } last && last.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
        return notModified ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(body, ContentType);
    }
}
