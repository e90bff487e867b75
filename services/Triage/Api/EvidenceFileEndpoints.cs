using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SafetyReports.Triage.Storage;

namespace SafetyReports.Triage.Api;

/// <summary>
/// A report's evidence file for maintainers (scope <c>triage</c>): always a download, never rendered by the browser as a page of
/// the site (<c>Content-Disposition: attachment</c>, <c>nosniff</c>, a sandboxing CSP), whatever the file holds.
/// </summary>
public static class EvidenceFileEndpoints
{
    public static void MapEvidenceFileEndpoints(this RouteGroupBuilder triage) =>
        triage.MapGet("/reports/{id:guid}/files/{fileId:guid}", DownloadAsync);

    private static async Task<IResult> DownloadAsync(Guid id, Guid fileId, ITriageStore store, HttpResponse response, CancellationToken cancellationToken)
    {
        var file = (await store.GetReportAsync(id, cancellationToken))?.EvidenceFiles.FirstOrDefault(f => f.Id == fileId);
        if (file is null || await store.ReadEvidenceFileAsync(id, fileId, cancellationToken) is not { } content)
        {
            return ProblemResults.NotFound("No such evidence file on this report.");
        }

        EvidenceDownloadHeaders.Apply(response);
        return Results.File(content, file.MediaType, file.Name);
    }
}
