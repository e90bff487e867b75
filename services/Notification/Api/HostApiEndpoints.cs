using SafetyReports.Notification.Evidence;
using SafetyReports.Notification.Storage;
using SafetyReports.ServiceDefaults.Text;

namespace SafetyReports.Notification.Api;

/// <summary>
/// The host API: a host's own client lists the reports it was told about with what the maintainers shared
/// (the notice) and the contests they forwarded, acknowledges them, responds with a statement of reasons and
/// writes to the maintainers on each report's thread. Another host's report answers exactly as an unknown one: 404.
/// </summary>
public static class HostApiEndpoints
{
    public const int MaxNoteLength = 2_000;
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static void MapHostApiEndpoints(this IEndpointRouteBuilder app)
    {
        var host = app.MapGroup("/api/v1/host").RequireAuthorization(Scopes.Host).WithTags("Host API");
        host.MapGet("/reports", ListAsync);
        host.MapGet("/reports/{id:guid}", GetAsync);
        host.MapPost("/reports/{id:guid}/acknowledge", AcknowledgeAsync);
        host.MapPost("/reports/{id:guid}/response", RespondAsync);
        host.MapGet("/reports/{id:guid}/messages", ThreadAsync);
        host.MapPost("/reports/{id:guid}/messages", WriteAsync);
        host.MapGet("/reports/{id:guid}/files/{fileId:guid}", DownloadAsync);
    }

    private static async Task<IResult> ListAsync(
        string? cursor, int? limit, ClaimsPrincipal user, IRouteStore routes, IHostLoopStore hostLoop, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        RouteCursor? after = null;
        if (cursor is not null && !RouteCursor.TryParse(cursor, out after))
        {
            errors["cursor"] = ["Not a cursor this API returned."];
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"From 1 to {MaxLimit}."];
        }

        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        if (HostAccess.OwnHost(user) is not { } hostId)
        {
            return Results.Ok(new HostReportPage([], null));
        }

        var page = await routes.GetRoutesAsync(hostId, after, limit ?? DefaultLimit, cancellationToken);
        return Results.Ok(new HostReportPage(await ViewsAsync(page.Items, hostLoop, cancellationToken), page.Next?.Encode()));
    }

    private static async Task<IResult> GetAsync(
        Guid id, ClaimsPrincipal user, HostReports reports, IHostLoopStore hostLoop, CancellationToken cancellationToken) =>
        HostAccess.OwnHost(user) is { } hostId && await reports.FindAsync(hostId, id, cancellationToken) is { } route
            ? Results.Ok((await ViewsAsync([route], hostLoop, cancellationToken))[0])
            : NoReport();

    /// <summary>The routes as their host sees them, each with its notice, forwarded contests and log leaves (three reads for a whole page).</summary>
    private static async Task<List<HostReportView>> ViewsAsync(
        IReadOnlyList<ReportRoute> routes, IHostLoopStore hostLoop, CancellationToken cancellationToken)
    {
        var ids = routes.Select(r => r.ReportId).ToList();
        var notices = (await hostLoop.GetNoticesAsync(ids, cancellationToken)).ToDictionary(n => n.ReportId);
        var contests = (await hostLoop.GetContestsAsync(ids, cancellationToken)).ToLookup(c => c.ReportId);
        var leaves = (await hostLoop.GetLogLeavesAsync(ids, cancellationToken)).ToLookup(l => l.ReportId);
        return routes.Select(r => HostReportView.From(r, notices.GetValueOrDefault(r.ReportId), contests[r.ReportId], leaves[r.ReportId])).ToList();
    }

    private static async Task<IResult> AcknowledgeAsync(
        Guid id, AcknowledgeRequest? request, ClaimsPrincipal user, HostReports reports, CancellationToken cancellationToken)
    {
        var note = string.IsNullOrWhiteSpace(request?.Note) ? null : request.Note.Trim();
        if (note is { Length: > MaxNoteLength })
        {
            return ProblemResults.Validation(new Dictionary<string, string[]> { ["note"] = [$"At most {MaxNoteLength} characters."] });
        }

        if (note is not null && TextRules.HasForbiddenCharacters(note, multiline: true))
        {
            return ProblemResults.Validation(new Dictionary<string, string[]> { ["note"] = ["Must not contain control characters or bidirectional overrides."] });
        }

        var result = HostAccess.OwnHost(user) is { } hostId ? await reports.AcknowledgeAsync(hostId, id, note, cancellationToken) : null;
        return result is null ? NoReport() : Results.Ok(new AcknowledgementView(id, result.AcknowledgedAt));
    }

    private static async Task<IResult> RespondAsync(
        Guid id, JsonElement body, ClaimsPrincipal user, HostReports reports, TimeProvider clock, CancellationToken cancellationToken)
    {
        // Another host's report is a 404 before anything about the body is said.
        if (HostAccess.OwnHost(user) is not { } hostId || await reports.FindAsync(hostId, id, cancellationToken) is null)
        {
            return NoReport();
        }

        var validation = HostResponseValidator.Validate(body, clock.GetUtcNow());
        if (validation.Response is null)
        {
            return ProblemResults.Validation(validation.Errors);
        }

        var decision = await reports.RespondAsync(hostId, id, validation.Response, cancellationToken);
        return decision is null
            ? NoReport()
            : Results.Ok(new HostResponseResult(id, decision.Changed, HostReportView.ResponseOf(decision.Route)!));
    }

    private static async Task<IResult> ThreadAsync(Guid id, ClaimsPrincipal user, HostReports reports, CancellationToken cancellationToken) =>
        HostAccess.OwnHost(user) is { } hostId && await reports.ThreadAsync(hostId, id, cancellationToken) is { } thread
            ? Results.Ok(new ThreadView(thread.Select(ThreadMessageView.Of).ToList()))
            : NoReport();

    private static async Task<IResult> WriteAsync(
        Guid id, JsonElement body, ClaimsPrincipal user, HostReports reports, CancellationToken cancellationToken)
    {
        // Another host's report is a 404 before anything about the body is said.
        if (HostAccess.OwnHost(user) is not { } hostId || await reports.FindAsync(hostId, id, cancellationToken) is null)
        {
            return NoReport();
        }

        var errors = JsonFields.NotAnObject(body) ?? [];
        var text = errors.Count == 0 ? JsonFields.Text(body, "text", errors, ThreadMessage.MaxText, required: true) : null;
        if (text is null)
        {
            return ProblemResults.Validation(errors);
        }

        var message = await reports.WriteAsync(hostId, id, text, cancellationToken);
        return message is null
            ? NoReport()
            : Results.Created($"/api/v1/host/reports/{id}/messages", ThreadMessageView.Of(message));
    }

    /// <summary>
    /// A file the maintainers share with this host, read from Triage when asked (Triage checks it is still shared and records
    /// the download) and served as a download only. Another host's report, a file not in this host's notice, or one no longer
    /// shared: 404. Triage out of reach: 503, with nothing served.
    /// </summary>
    private static async Task<IResult> DownloadAsync(
        Guid id, Guid fileId, ClaimsPrincipal user, HostReports reports, IHostLoopStore hostLoop, TriageSharedEvidence triage,
        HttpResponse response, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (HostAccess.OwnHost(user) is not { } hostId || await reports.FindAsync(hostId, id, cancellationToken) is null)
        {
            return NoReport();
        }

        var notices = await hostLoop.GetNoticesAsync([id], cancellationToken);
        // Every host the report reached (its own, or one serving a copy: the route checked above) is shown the same notice.
        if (notices is not [{ } notice] || notice.SharedFile(fileId) is not { } file)
        {
            return NoFile();
        }

        byte[]? content;
        try
        {
            content = await triage.ReadAsync(id, hostId, file, cancellationToken);
        }
        catch (SharedEvidenceUnavailableException ex)
        {
            SharedEvidenceLog.Failed(loggers.CreateLogger(typeof(HostApiEndpoints)), ex, id, fileId);
            return ProblemResults.Unavailable("The file cannot be fetched right now; try again later.");
        }

        if (content is null)
        {
            return NoFile();
        }

        EvidenceDownloadHeaders.Apply(response);
        return Results.File(content, file.MediaType, file.Name);
    }

    private static IResult NoFile() => ProblemResults.NotFound("No file with this id is shared with your host on this report.");

    private static IResult NoReport() => ProblemResults.NotFound("No report with this id was sent to your host.");
}
