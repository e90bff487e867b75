using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using SafetyReports.ServiceDefaults.Hosting;
using SafetyReports.Triage.Transparency;

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
    }

    private static Task<IResult> HostsAsync(HttpContext context, TransparencyQuery query, TimeProvider clock, string? from, string? to, string? format,
        CancellationToken cancellationToken) =>
        AnswerAsync(context, query, clock, null, from, to, format, cancellationToken);

    private static Task<IResult> ModelsAsync(HttpContext context, TransparencyQuery query, TimeProvider clock, string? host, string? from, string? to,
        string? format, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(host) || host.Length > 200)
        {
            return Task.FromResult(ProblemResults.Validation(new Dictionary<string, string[]> { ["host"] = ["Give the host whose models to show (at most 200 characters)."] }));
        }

        return AnswerAsync(context, query, clock, host, from, to, format, cancellationToken);
    }

    private static async Task<IResult> AnswerAsync(HttpContext context, TransparencyQuery query, TimeProvider clock, string? host, string? from, string? to,
        string? format, CancellationToken cancellationToken)
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

        var figures = await query.FiguresAsync(host, period, cancellationToken);
        context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=60";
        context.Response.Headers[HeaderNames.Vary] = HeaderNames.Accept;
        return csv.Value ? Results.Text(TransparencyCsv.Write(figures), TransparencyCsv.ContentType) : Results.Ok(figures);
    }
}
