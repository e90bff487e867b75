using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SafetyReports.Triage.Api;

/// <summary>The maintainers' advisory routes (scope triage), on a report: read, preview, publish or revise, withdraw.</summary>
public static class AdvisoryEndpoints
{
    public static void MapAdvisoryEndpoints(this RouteGroupBuilder triage)
    {
        triage.MapGet("/reports/{id:guid}/advisory", GetAsync);
        triage.MapPost("/reports/{id:guid}/advisory/preview", PreviewAsync);
        triage.MapPut("/reports/{id:guid}/advisory", PublishAsync);
        triage.MapPost("/reports/{id:guid}/advisory/withdraw", WithdrawAsync);
    }

    private static async Task<IResult> GetAsync(Guid id, AdvisoryPublishing publishing, CancellationToken cancellationToken) =>
        await publishing.GetAsync(id, cancellationToken) is { } advisory
            ? Results.Ok(AdvisoryView.Of(advisory))
            : ProblemResults.NotFound("No advisory was published from this report.");

    private static async Task<IResult> PreviewAsync(Guid id, AdvisoryRequest request, AdvisoryPublishing publishing, CancellationToken cancellationToken) =>
        Result(await publishing.PreviewAsync(id, request, cancellationToken));

    private static async Task<IResult> PublishAsync(
        Guid id, AdvisoryRequest request, ClaimsPrincipal user, AdvisoryPublishing publishing, CancellationToken cancellationToken) =>
        Result(await publishing.PublishAsync(id, request, ActorName.Of(user), cancellationToken));

    private static async Task<IResult> WithdrawAsync(
        Guid id, AdvisoryWithdrawRequest request, ClaimsPrincipal user, AdvisoryPublishing publishing, CancellationToken cancellationToken) =>
        Result(await publishing.WithdrawAsync(id, request, ActorName.Of(user), cancellationToken));

    private static IResult Result(AdvisoryOutcome outcome) => outcome.Kind switch
    {
        AdvisoryOutcomeKind.NotFound => ProblemResults.NotFound(outcome.Detail!),
        AdvisoryOutcomeKind.Invalid => ProblemResults.Validation(outcome.Errors!),
        AdvisoryOutcomeKind.Conflict => ProblemResults.Conflict(outcome.Detail!),
        AdvisoryOutcomeKind.Published => Results.Json(AdvisoryView.Of(outcome.Advisory!), AdvisoryJson.Api, statusCode: StatusCodes.Status201Created),
        _ => Results.Json(AdvisoryView.Of(outcome.Advisory!), AdvisoryJson.Api),
    };
}

/// <summary>
/// An advisory as the maintainers see it: the stored record (with the report it came from) and both served forms, so the
/// preview shows exactly what would be published.
/// </summary>
public sealed record AdvisoryView(Advisory Advisory, JsonElement Osv, JsonElement Avid)
{
    public static AdvisoryView Of(Advisory advisory) => new(
        advisory,
        JsonSerializer.SerializeToElement(OsvAdvisory.From(advisory), AdvisoryJson.Osv),
        JsonSerializer.SerializeToElement(AvidReport.From(advisory), AdvisoryJson.Avid));
}
