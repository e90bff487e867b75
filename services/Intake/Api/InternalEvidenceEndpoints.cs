using SafetyReports.Intake.Storage;

namespace SafetyReports.Intake.Api;

/// <summary>
/// Where Triage pulls a submitted report's evidence files during the hand-over (docs/intake.md "Evidence files"): only
/// with a token of the <see cref="Scopes.EvidenceRead"/> scope, only while Intake still holds the bytes (until Triage
/// confirms), and always as an opaque download.
/// </summary>
public static class InternalEvidenceEndpoints
{
    public const string Route = "/internal/v1/evidence/{reportId:guid}/{fileId:guid}";

    public static void MapInternalEvidenceEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet(Route, ReadAsync)
            .RequireAuthorization(Scopes.EvidenceRead)
            .ExcludeFromDescription();

    private static async Task<IResult> ReadAsync(Guid reportId, Guid fileId, ISubmissionStore store, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await store.ReadEvidenceFileAsync(reportId, fileId, cancellationToken) is not { } content)
        {
            return ProblemResults.NotFound("No such evidence file is held here.");
        }

        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        return Results.Bytes(content, "application/octet-stream");
    }
}
