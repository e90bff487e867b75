using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using SafetyReports.Triage.Storage;
using SafetyReports.Triage.Transparency.Sealing;

namespace SafetyReports.Triage.Api;

/// <summary>
/// The public figures (anonymous): per host, and per model of one host, as JSON or — with
/// <c>Accept: text/csv</c> or <c>?format=csv</c>, for a plain link — as CSV.
/// </summary>
public static class TransparencyEndpoints
{
    public static void MapTransparencyEndpoints(this IEndpointRouteBuilder app)
    {
        var transparency = app.MapGroup("/api/v1/transparency").AllowAnonymous().WithTags("Transparency");
        transparency.MapGet("/hosts", HostsAsync);
        transparency.MapGet("/models", ModelsAsync);
        transparency.MapGet("/disclosures", DisclosuresAsync);
        transparency.MapGet("/errata", ErrataAsync);
    }

    /// <summary>Reports their hosts left unanswered past the disclosure deadline, redacted, most recent first.</summary>
    private static async Task<IResult> DisclosuresAsync(HttpContext context, ITriageStore store, DisclosureOptions options, string? cursor, int? limit,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var after = cursor is null ? null : DisclosureListing.Decode(cursor);
        if (cursor is not null && after is null)
        {
            errors["cursor"] = ["Not a cursor this API gave out."];
        }

        if (limit is < 1 or > DisclosureListing.MaxLimit)
        {
            errors["limit"] = [$"From 1 to {DisclosureListing.MaxLimit}."];
        }

        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        var take = limit ?? DisclosureListing.DefaultLimit;
        var reports = await store.ListDisclosedAsync(after, take + 1, cancellationToken);
        var items = reports.Take(take).Select(DisclosureEntry.From).ToList();
        var next = reports.Count > take ? DisclosureListing.Encode(new DisclosureCursor(items[^1].DisclosedAt, items[^1].ReportId)) : null;
        context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=60";
        return Results.Ok(new DisclosureListing(DisclosurePolicyView.From(options), items, next));
    }

    private static Task<IResult> HostsAsync(HttpContext context, TransparencyQuery query, SealedFigures sealedFigures, TimeProvider clock, string? from,
        string? to, string? format, CancellationToken cancellationToken) =>
        AnswerAsync(context, query, clock, from, to, format, period => sealedFigures.HostsAsync(period, cancellationToken));

    private static Task<IResult> ModelsAsync(HttpContext context, TransparencyQuery query, SealedFigures sealedFigures, TimeProvider clock, string? host,
        string? from, string? to, string? format, CancellationToken cancellationToken)
    {
        if (BadHost(host) is { } bad)
        {
            return Task.FromResult(bad);
        }

        return AnswerAsync(context, query, clock, from, to, format, period => sealedFigures.ModelsAsync(host!, period, cancellationToken));
    }

    private static IResult? BadHost(string? host) => string.IsNullOrWhiteSpace(host) || host.Length > 200
        ? ProblemResults.Validation(new Dictionary<string, string[]> { ["host"] = ["Give the host whose models to show (at most 200 characters)."] })
        : null;

    /// <summary>
    /// The dated corrections of the period's sealed months, on their own (the CSV of the figures counts them in its <c>errata</c>
    /// column): of the hosts answer, or with <paramref name="host"/> of that host's models answer.
    /// </summary>
    private static Task<IResult> ErrataAsync(HttpContext context, TransparencyQuery query, SealedFigures sealedFigures, TimeProvider clock, string? host,
        string? from, string? to, string? format, CancellationToken cancellationToken) =>
        host is not null && BadHost(host) is { } bad ? Task.FromResult(bad) : AnswerAsync(context, query, clock, from, to, format,
            async period => new ErrataView(TransparencyMonth.Format(period.From), TransparencyMonth.Format(period.To), host,
                await sealedFigures.ErrataAsync(period, host, cancellationToken)),
            errata => ErrataCsv.Write(errata.Errata));

    private static Task<IResult> AnswerAsync(HttpContext context, TransparencyQuery query, TimeProvider clock, string? from, string? to,
        string? format, Func<TransparencyPeriod, Task<TransparencyFigures>> figuresOf) =>
        AnswerAsync(context, query, clock, from, to, format, figuresOf, TransparencyCsv.Write);

    private static async Task<IResult> AnswerAsync<T>(HttpContext context, TransparencyQuery query, TimeProvider clock, string? from, string? to,
        string? format, Func<TransparencyPeriod, Task<T>> answerOf, Func<T, string> csvOf)
    {
        var csv = format switch
        {
            null => context.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)),
            "csv" => true,
            "json" => false,
            _ => (bool?)null,
        };
        var (period, errors) = TransparencyPeriod.Parse(from, to, clock.GetUtcNow(), query.Options);
        if (csv is null)
        {
            errors["format"] = ["Either json or csv."];
        }

        if (period is null || csv is null)
        {
            return ProblemResults.Validation(errors);
        }

        var answer = await answerOf(period);
        context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=60";
        context.Response.Headers[HeaderNames.Vary] = HeaderNames.Accept;
        return csv.Value ? Results.Text(csvOf(answer), TransparencyCsv.ContentType) : Results.Ok(answer);
    }
}
