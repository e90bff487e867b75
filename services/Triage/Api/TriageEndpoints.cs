using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SafetyReports.ServiceDefaults.Security;
using SafetyReports.Triage.Similarity;
using SafetyReports.Triage.Storage;

namespace SafetyReports.Triage.Api;

public static class TriageEndpoints
{
    public static void MapTriageEndpoints(this IEndpointRouteBuilder app)
    {
        var triage = app.MapGroup("/api/v1/triage").RequireAuthorization(Scopes.Triage).WithTags("Triage");
        triage.MapGet("/reports", ListAsync);
        triage.MapGet("/reports/counts", CountsAsync);
        triage.MapGet("/reports/{id:guid}", GetAsync);
        triage.MapPost("/reports/{id:guid}/transitions", TransitionAsync);
        triage.MapPost("/reports/{id:guid}/notes", AddNoteAsync);
        triage.MapPost("/reports/{id:guid}/assignment", AssignAsync);
        triage.MapPost("/reports/{id:guid}/classification", ClassifyAsync);
        triage.MapPost("/reports/bulk-reject", BulkRejectAsync);
        triage.MapGet("/reports/{id:guid}/audit", AuditAsync);
        triage.MapGet("/reports/{id:guid}/export", ExportReportAsync).RequireAuthorization(ReportExportAccess.Policy);
        triage.MapPost("/reports/{id:guid}/redactions", RedactAsync).RequireAuthorization(ReportExportAccess.Policy);
        triage.MapPut("/reports/{id:guid}/notice", EditNoticeAsync);
        triage.MapPost("/reports/{id:guid}/contests/{contestId:guid}/forward", ForwardContestAsync);
        triage.MapPost("/reports/{id:guid}/contests/{contestId:guid}/close", CloseContestAsync);
        triage.MapPost("/reports/{id:guid}/host-messages", SendHostMessageAsync);
        triage.MapPut("/reports/{id:guid}/model/digests", EditModelDigestsAsync);
        triage.MapPost("/reports/{id:guid}/hosts", ShareWithHostAsync);
        triage.MapGet("/audit/verify", VerifyAsync);
        triage.MapGet("/audit/export", ExportAsync).RequireAuthorization(ReportExportAccess.Policy);
        triage.MapAccountabilityEndpoints();
        triage.MapSimilarityEndpoints();
        triage.MapNotificationPreferenceEndpoints();
        triage.MapEvidenceFileEndpoints();
        triage.MapAdvisoryEndpoints();
    }

    private static async Task<IResult> ListAsync(
        ITriageStore store, SlaPolicy sla, SimilarReports similar, TimeProvider clock, string? status, string? category, string? severity, string? modelHost,
        string? modelId, string? q, string? assignee, string? cursor, int? limit, string? sort, bool? overdue, bool? contested,
        CancellationToken cancellationToken)
    {
        var filter = new QueueFilter(status, category, severity, modelHost, modelId, q, assignee, cursor, limit, sort, overdue, contested);
        var (query, errors) = filter.ToQuery(clock.GetUtcNow());
        if (query is null)
        {
            return ProblemResults.Validation(errors);
        }

        var page = await store.ListReportsAsync(query, cancellationToken);
        var items = new List<ReportListItem>(page.Items.Count);
        foreach (var report in page.Items)
        {
            // One band-index lookup per listed report at most every SimilarReports.QueueReuse: the queue is polled.
            items.Add(ReportListItem.From(report, sla, ClusterSummary.Of(await similar.QueueClusterAsync(report, cancellationToken))));
        }

        return Results.Ok(new ReportListResponse(items, page.Next?.Encode()));
    }

    private static async Task<IResult> CountsAsync(
        ITriageStore store, TimeProvider clock, string? category, string? severity, string? modelHost, string? modelId, string? q,
        string? assignee, bool? overdue, bool? contested, CancellationToken cancellationToken)
    {
        var filter = new QueueFilter(null, category, severity, modelHost, modelId, q, assignee, null, null, null, overdue, contested);
        var (query, errors) = filter.ToQuery(clock.GetUtcNow());
        if (query is null)
        {
            return ProblemResults.Validation(errors);
        }

        var counts = await store.CountReportsAsync(query, cancellationToken);
        return Results.Ok(new ReportCountsResponse(counts.Counts, counts.Total, counts.Capped));
    }

    private static async Task<IResult> GetAsync(Guid id, ITriageStore store, ReporterContactProtector protector, SlaPolicy sla, CancellationToken cancellationToken)
    {
        var report = await store.GetReportAsync(id, cancellationToken);
        return report is null ? ProblemResults.NotFound("No report with this id.") : Results.Ok(ReportView.From(report, protector, sla));
    }

    private static async Task<IResult> TransitionAsync(
        Guid id, TransitionRequest request, ClaimsPrincipal user, ITriageStore store, TriageReports reports,
        ReporterContactProtector protector, SlaPolicy sla, CancellationToken cancellationToken)
    {
        if (request.DuplicateOf is { } original && original != id && await store.GetReportAsync(original, cancellationToken) is null)
        {
            return ProblemResults.Validation(new Dictionary<string, string[]> { ["duplicateOf"] = ["No report with this id."] });
        }

        var outcome = await reports.TransitionAsync(id, request, ActorName.Of(user), cancellationToken);
        return ReportResult(outcome, protector, sla);
    }

    private static async Task<IResult> AssignAsync(
        Guid id, AssignmentRequest request, ClaimsPrincipal user, TriageReports reports, ReporterContactProtector protector,
        SlaPolicy sla, CancellationToken cancellationToken) =>
        ReportResult(await reports.AssignAsync(id, request, ActorName.Of(user), cancellationToken), protector, sla);

    private static async Task<IResult> ClassifyAsync(
        Guid id, ClassificationRequest request, ClaimsPrincipal user, TriageReports reports, ReporterContactProtector protector,
        SlaPolicy sla, CancellationToken cancellationToken) =>
        ReportResult(await reports.ClassifyAsync(id, request, ActorName.Of(user), cancellationToken), protector, sla);

    private static async Task<IResult> RedactAsync(
        Guid id, RedactionRequest request, ClaimsPrincipal user, TriageReports reports, ReporterContactProtector protector,
        SlaPolicy sla, CancellationToken cancellationToken) =>
        ReportResult(await reports.RedactAsync(id, request, ActorName.Of(user), cancellationToken), protector, sla);

    private static async Task<IResult> EditNoticeAsync(
        Guid id, NoticeUpdateRequest request, ClaimsPrincipal user, TriageReports reports, ReporterContactProtector protector,
        SlaPolicy sla, CancellationToken cancellationToken) =>
        ReportResult(await reports.EditNoticeAsync(id, request, ActorName.Of(user), cancellationToken), protector, sla);

    private static async Task<IResult> EditModelDigestsAsync(
        Guid id, ModelDigestsRequest request, ClaimsPrincipal user, TriageReports reports, ReporterContactProtector protector,
        SlaPolicy sla, CancellationToken cancellationToken) =>
        ReportResult(await reports.EditModelDigestsAsync(id, request, ActorName.Of(user), cancellationToken), protector, sla);

    private static async Task<IResult> ShareWithHostAsync(
        Guid id, ShareWithHostRequest request, ClaimsPrincipal user, TriageReports reports, ReporterContactProtector protector,
        SlaPolicy sla, CancellationToken cancellationToken) =>
        ReportResult(await reports.ShareWithHostAsync(id, request, ActorName.Of(user), cancellationToken), protector, sla);

    private static async Task<IResult> ForwardContestAsync(
        Guid id, Guid contestId, ContestForwardRequest request, ClaimsPrincipal user, TriageReports reports, ReporterContactProtector protector,
        SlaPolicy sla, CancellationToken cancellationToken) =>
        ReportResult(await reports.ForwardContestAsync(id, contestId, request, ActorName.Of(user), cancellationToken), protector, sla);

    private static async Task<IResult> CloseContestAsync(
        Guid id, Guid contestId, ContestCloseRequest request, ClaimsPrincipal user, TriageReports reports, ReporterContactProtector protector,
        SlaPolicy sla, CancellationToken cancellationToken) =>
        ReportResult(await reports.CloseContestAsync(id, contestId, request, ActorName.Of(user), cancellationToken), protector, sla);

    private static async Task<IResult> SendHostMessageAsync(
        Guid id, HostMessageRequest request, ClaimsPrincipal user, TriageReports reports, ReporterContactProtector protector,
        SlaPolicy sla, CancellationToken cancellationToken)
    {
        var errors = HostThread.Validate(request);
        return errors.Count > 0
            ? ProblemResults.Validation(errors)
            : ReportResult(await reports.SendHostMessageAsync(id, request.Text!, ActorName.Of(user), cancellationToken), protector, sla);
    }

    private static async Task<IResult> BulkRejectAsync(
        BulkRejectRequest request, ClaimsPrincipal user, TriageReports reports, CancellationToken cancellationToken)
    {
        var errors = BulkRejection.Validate(request);
        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        var results = await reports.BulkRejectAsync(request.Ids!, request.Note!, ActorName.Of(user), cancellationToken);
        return Results.Ok(new BulkRejectResponse(results));
    }

    internal static IResult ReportResult(WorkflowOutcome outcome, ReporterContactProtector protector, SlaPolicy sla) => outcome.Kind switch
    {
        WorkflowOutcomeKind.Applied or WorkflowOutcomeKind.Unchanged => Results.Ok(ReportView.From(outcome.Report!, protector, sla)),
        WorkflowOutcomeKind.Invalid => ProblemResults.Validation(outcome.Errors!),
        WorkflowOutcomeKind.Conflict => ProblemResults.Conflict(outcome.Detail!),
        _ => ProblemResults.NotFound(outcome.Detail ?? "No report with this id."),
    };

    private static async Task<IResult> AddNoteAsync(
        Guid id, NoteRequest request, ClaimsPrincipal user, TriageReports reports, ReporterContactProtector protector, SlaPolicy sla,
        CancellationToken cancellationToken)
    {
        if (InternalNote.Validate(request.Text) is { } problem)
        {
            return ProblemResults.Validation(new Dictionary<string, string[]> { ["text"] = [problem] });
        }

        var report = await reports.AddNoteAsync(id, request.Text!, ActorName.Of(user), cancellationToken);
        return report is null ? ProblemResults.NotFound("No report with this id.") : Results.Ok(ReportView.From(report, protector, sla));
    }

    private static async Task<IResult> AuditAsync(Guid id, ITriageStore store, CancellationToken cancellationToken)
    {
        if (await store.GetReportAsync(id, cancellationToken) is null)
        {
            return ProblemResults.NotFound("No report with this id.");
        }

        return Results.Ok(await store.GetAuditAsync(id, cancellationToken));
    }

    private static async Task<IResult> ExportReportAsync(
        Guid id, HttpContext context, ClaimsPrincipal user, TriageReports reports, ITriageStore store, ReporterContactProtector protector, SlaPolicy sla,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        // Recorded before it is answered, so the export carries the entry that says who took it.
        var report = await reports.RecordExportAsync(id, ActorName.Of(user), cancellationToken);
        if (report is null)
        {
            return ProblemResults.NotFound("No report with this id.");
        }

        var audit = await store.GetAuditAsync(id, cancellationToken);
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{ReportExport.FileName(id)}\"";
        context.Response.Headers.CacheControl = "no-store";
        return Results.Ok(new ReportExport(clock.GetUtcNow(), ReportView.From(report, protector, sla), audit));
    }

    /// <summary>
    /// The whole chain as NDJSON, streamed in batches so a long chain never sits in memory. Admins only (it holds every
    /// note and reporter message), and recorded first, so the export ends with the entry saying who took it.
    /// </summary>
    private static async Task ExportAsync(HttpContext context, ClaimsPrincipal user, ITriageStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        await store.AppendAuditAsync(AuditExportRecord.Record(ActorName.Of(user), clock.GetUtcNow()), cancellationToken);
        context.Response.ContentType = AuditExportFormat.ContentType;
        context.Response.Headers.ContentDisposition = "attachment; filename=\"triage-audit.ndjson\"";
        long after = 0;
        while (true)
        {
            var batch = await store.ReadAuditChainAsync(after, 1000, cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            await context.Response.WriteAsync(string.Concat(batch.Select(e => AuditExportFormat.Line(e) + "\n")), cancellationToken);
            after = batch[^1].Sequence;
        }
    }

    private static async Task<IResult> VerifyAsync(ITriageStore store, CancellationToken cancellationToken)
    {
        var verifier = new AuditVerifier();
        long after = 0;
        while (true)
        {
            var batch = await store.ReadAuditChainAsync(after, 1000, cancellationToken);
            if (batch.Count == 0 || batch.Any(entry => !verifier.Add(entry)))
            {
                break;
            }

            after = batch[^1].Sequence;
        }

        var result = verifier.Result;
        return Results.Ok(new AuditVerifyResponse(result.Valid, result.Entries, result.Head, result.FirstInvalidSequence, result.Reason));
    }
}
