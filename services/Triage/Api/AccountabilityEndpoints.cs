using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace SafetyReports.Triage.Api;

/// <summary>
/// The transparency figures for maintainers (under the Triage API's scope): the same shape as the public ones,
/// but nothing withheld and every host or model with a triaged report listed, so a silent host with one report
/// shows up on the portal's dashboard long before it would publicly.
/// </summary>
public static class AccountabilityEndpoints
{
    /// <param name="triage">The Triage API's group, which requires its scope.</param>
    public static void MapAccountabilityEndpoints(this IEndpointRouteBuilder triage)
    {
        triage.MapGet("/accountability/hosts", HostsAsync);
        triage.MapGet("/accountability/models", ModelsAsync);
    }

    private static Task<IResult> HostsAsync(HttpContext context, TransparencyQuery query, TimeProvider clock, string? from, string? to,
        CancellationToken cancellationToken) =>
        AnswerAsync(context, query, clock, null, from, to, cancellationToken);

    private static Task<IResult> ModelsAsync(HttpContext context, TransparencyQuery query, TimeProvider clock, string? host, string? from, string? to,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(host) || host.Length > 200)
        {
            return Task.FromResult(ProblemResults.Validation(new Dictionary<string, string[]> { ["host"] = ["Give the host whose models to show (at most 200 characters)."] }));
        }

        return AnswerAsync(context, query, clock, host, from, to, cancellationToken);
    }

    private static async Task<IResult> AnswerAsync(HttpContext context, TransparencyQuery query, TimeProvider clock, string? host, string? from, string? to,
        CancellationToken cancellationToken)
    {
        var (period, errors) = TransparencyPeriod.Parse(from, to, clock.GetUtcNow(), query.Options);
        if (period is null)
        {
            return ProblemResults.Validation(errors);
        }

        var figures = await query.FiguresAsync(host, period, TransparencyFiguresBuilder.Unsuppressed, cancellationToken);
        // Unsuppressed counts can single out a report: no shared cache may keep them.
        context.Response.Headers[HeaderNames.CacheControl] = "no-store";
        return Results.Ok(figures);
    }
}
