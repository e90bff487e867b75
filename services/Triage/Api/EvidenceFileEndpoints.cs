using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SafetyReports.ServiceDefaults.Security;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Storage;

namespace SafetyReports.Triage.Api;

/// <summary>
/// A report's evidence files. Maintainers (scope <c>triage</c>) download them and choose which are shared with the host;
/// Notification (scope <c>evidence:shared</c>) reads a shared one for the host API. Every download is recorded in the
/// report's audit chain first, and is always a download, never rendered by the browser as a page of the site
/// (<c>Content-Disposition: attachment</c>, <c>nosniff</c>, a sandboxing CSP), whatever the file holds.
/// </summary>
public static class EvidenceFileEndpoints
{
    public const string SharedFileRoute = "/internal/v1/shared-evidence/{reportId:guid}/{fileId:guid}";

    public static void MapEvidenceFileEndpoints(this RouteGroupBuilder triage)
    {
        triage.MapGet("/reports/{id:guid}/files/{fileId:guid}", DownloadAsync);
        triage.MapPut("/reports/{id:guid}/files/{fileId:guid}/sharing", ShareAsync);
    }

    public static void MapSharedEvidenceEndpoint(this IEndpointRouteBuilder app) =>
        app.MapGet(SharedFileRoute, ReadSharedAsync)
            .RequireAuthorization(Scopes.EvidenceShared)
            .ExcludeFromDescription();

    private static Task<IResult> DownloadAsync(
        Guid id, Guid fileId, ClaimsPrincipal user, TriageReports reports, ITriageStore store, HttpResponse response, CancellationToken cancellationToken) =>
        ServeAsync(id, fileId, ActorName.Of(user), report => report.EvidenceFiles.Any(f => f.Id == fileId), reports, store, response, cancellationToken);

    private static async Task<IResult> ShareAsync(
        Guid id, Guid fileId, FileSharingRequest request, ClaimsPrincipal user, TriageReports reports, ReporterContactProtector protector,
        SlaPolicy sla, CancellationToken cancellationToken) =>
        TriageEndpoints.ReportResult(await reports.ShareFileAsync(id, fileId, request, ActorName.Of(user), cancellationToken), protector, sla);

    /// <summary>
    /// A shared file for <paramref name="host"/>, which Notification has checked is the caller: the report's own host or one it
    /// reached with a copy of the model. Triage checks again that the report reached that host and that the file is shared now
    /// (so stopping to share takes the access away whatever Notification last heard) and records the download as that host's.
    /// </summary>
    private static async Task<IResult> ReadSharedAsync(
        Guid reportId, Guid fileId, string? host, TriageReports reports, ITriageStore store, HttpResponse response, CancellationToken cancellationToken)
    {
        var report = await store.GetReportAsync(reportId, cancellationToken);
        return report is null || host is null || !ReportHosts.HasReached(report, host)
            ? ProblemResults.NotFound("No such evidence file is shared.")
            : await ServeAsync(reportId, fileId, $"host:{host}", current => EvidenceFileSharing.SharedWithHost(current, fileId),
                reports, store, response, cancellationToken);
    }

    private static async Task<IResult> ServeAsync(
        Guid id, Guid fileId, string actor, Func<Report, bool> allowed, TriageReports reports, ITriageStore store, HttpResponse response,
        CancellationToken cancellationToken)
    {
        // Recorded before it is served, as an export is: a download the chain does not show never happens.
        var file = (await reports.RecordFileDownloadAsync(id, fileId, actor, allowed, cancellationToken))?.EvidenceFiles.FirstOrDefault(f => f.Id == fileId);
        if (file is null || await store.ReadEvidenceFileAsync(id, fileId, cancellationToken) is not { } content)
        {
            return ProblemResults.NotFound("No such evidence file on this report.");
        }

        EvidenceDownloadHeaders.Apply(response);
        return Results.File(content, file.MediaType, file.Name);
    }
}
