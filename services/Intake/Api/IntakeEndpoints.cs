using Microsoft.AspNetCore.Routing;
using SafetyReports.Intake.Evidence;
using SafetyReports.Intake.Transparency;

namespace SafetyReports.Intake.Api;

public static class IntakeEndpoints
{
    public const string TokenHeader = "X-Report-Token";
    public const string IdempotencyHeader = "Idempotency-Key";

    public static void MapIntakeEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").AllowAnonymous().WithTags("Intake");
        api.MapPost("/reports", SubmitAsync)
            .Accepts<ReportSubmissionRequest>("application/json", "multipart/form-data")
            .Produces<SubmissionReceipt>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/reports/{id:guid}/status", StatusAsync);
        api.MapPost("/reports/{id:guid}/messages", ReplyAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost("/reports/{id:guid}/contest", ContestAsync)
            .Produces<ContestView>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost("/reports/{id:guid}/erase-contact", EraseContactAsync);
        api.MapGet("/challenge", Challenge);
        api.MapGet("/taxonomy", () => Results.Ok(HazardTaxonomy.Categories));
    }

    private static async Task<IResult> SubmitAsync(
        HttpRequest httpRequest, ReportIntake intake, IdempotencyScope idempotency, EvidenceFileRules evidenceFiles,
        IOptions<IntakeOptions> options, CancellationToken cancellationToken)
    {
        var idempotencyKey = httpRequest.Headers[IdempotencyHeader].ToString();
        if (idempotencyKey.Length > SubmissionLimits.MaxIdempotencyKey || idempotencyKey.Any(c => c < 0x21 || c > 0x7E))
        {
            return ProblemResults.Validation(new Dictionary<string, string[]>
            {
                [IdempotencyHeader] = [$"1 to {SubmissionLimits.MaxIdempotencyKey} visible ASCII characters."],
            });
        }

        // Cheap checks first: a wrong type, size or shape is answered as such and costs no proof of work.
        SubmissionBody body;
        IReadOnlyList<IncomingEvidenceFile> files = [];
        if (MultipartSubmissionReader.IsMultipart(httpRequest.ContentType))
        {
            EvidenceRequestLimit.Apply(httpRequest.HttpContext);
            if (!options.Value.EvidenceFiles.Enabled)
            {
                return EvidenceFileProblems.Disabled();
            }

            var multipart = await MultipartSubmissionReader.ReadAsync(
                httpRequest.Body, httpRequest.ContentType, SubmissionLimits.MaxBodyBytes, evidenceFiles.Limits, cancellationToken);
            if (multipart.Refusal is { } refused)
            {
                return EvidenceFileProblems.For(refused, multipart.Problem!);
            }

            body = SubmissionBodyReader.Parse(multipart.ReportJson!);
            files = multipart.Files;
        }
        else
        {
            body = await SubmissionBodyReader.ReadAsync(httpRequest, cancellationToken);
        }

        switch (body.Problem)
        {
            case BodyProblem.NotJson:
                return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                    detail: options.Value.EvidenceFiles.Enabled ? "Send the report as application/json, or as multipart/form-data with its files." : body.Detail);
            case BodyProblem.TooLarge:
                return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Report too large", detail: body.Detail);
            case BodyProblem.Malformed:
                return ProblemResults.BadRequest(body.Detail!);
        }

        var errors = SubmissionValidator.Validate(body.Request!);
        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        if (evidenceFiles.Screen(files, body.Request!.Category) is { Refusal: { } screened } refusedFiles)
        {
            return EvidenceFileProblems.For(screened, refusedFiles.Problem!);
        }

        var client = httpRequest.HttpContext.Connection.RemoteIpAddress;
        var keyHash = idempotencyKey.Length == 0 ? null : await idempotency.KeyHashAsync(idempotencyKey, client, cancellationToken);
        var attempt = await intake.SubmitAsync(body.Request!, EvidenceRequestHash.Of(body.RequestHash!, files), keyHash, client,
            httpRequest.Headers[ProofOfWork.Header].ToString(), allowUnchallenged: false, files, cancellationToken);
        return attempt switch
        {
            { Refusal: { } refusal } => GateProblems.For(httpRequest.HttpContext, refusal),
            { FileRefusal: { Refusal: { } fileRefusal } checkedFiles } => EvidenceFileProblems.For(fileRefusal, checkedFiles.Problem!),
            _ => Answer(attempt.Outcome!),
        };
    }

    private static IResult Answer(SubmissionOutcome outcome)
    {
        if (outcome.Kind == SubmissionOutcomeKind.IdempotencyKeyReused)
        {
            return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency key reused",
                detail: "This Idempotency-Key was already used with a different request body.");
        }

        var receipt = outcome.Receipt!;
        return Results.Accepted($"/api/v1/reports/{receipt.Id}/status", receipt);
    }

    private static IResult Challenge(ChallengeIssuer challenges, TimeProvider clock) =>
        Results.Ok(challenges.Difficulty <= 0
            ? new ChallengeResponse("", 0, clock.GetUtcNow())
            : new ChallengeResponse(challenges.Issue(), challenges.Difficulty, clock.GetUtcNow() + challenges.Lifetime));

    private static async Task<IResult> ReplyAsync(
        Guid id, [FromHeader(Name = TokenHeader)] string? token, ReplyRequest request, HttpContext context,
        ReportIntake intake, SubmissionRateLimiter limiter, CancellationToken cancellationToken)
    {
        if (await RateLimitedAsync(context, limiter, "Too many messages; try again later.", cancellationToken) is { } limited)
        {
            return limited;
        }

        if (ReplyValidator.Validate(request.Message) is { } problem)
        {
            return ProblemResults.Validation(new Dictionary<string, string[]> { ["message"] = [problem] });
        }

        return await intake.ReplyAsync(id, token, request.Message!, cancellationToken) switch
        {
            ReplyOutcome.Accepted => Results.Accepted($"/api/v1/reports/{id}/status", new { id, status = "received" }),
            ReplyOutcome.NotAwaitingInformation => ProblemResults.Conflict("This report is not waiting for more information from you."),
            _ => NoReport(),
        };
    }

    /// <summary>The reporter contests the host's response: once per revision of it, with a reason for the maintainers.</summary>
    private static async Task<IResult> ContestAsync(
        Guid id, [FromHeader(Name = TokenHeader)] string? token, ContestRequest request, HttpContext context,
        ReportIntake intake, SubmissionRateLimiter limiter, CancellationToken cancellationToken)
    {
        if (await RateLimitedAsync(context, limiter, "Too many messages; try again later.", cancellationToken) is { } limited)
        {
            return limited;
        }

        if (ContestRules.ReasonProblem(request.Reason) is { } problem)
        {
            return ProblemResults.Validation(new Dictionary<string, string[]> { ["reason"] = [problem] });
        }

        var result = await intake.ContestAsync(id, token, request.Reason!, cancellationToken);
        return result.Outcome switch
        {
            ContestOutcome.Accepted => Results.Accepted($"/api/v1/reports/{id}/status", ContestView.From(result.Contest!)),
            ContestOutcome.NoHostResponse => ProblemResults.Conflict("The host has not responded to this report yet: there is nothing to contest."),
            ContestOutcome.AlreadyContested => ProblemResults.Conflict("You have already contested this response of the host."),
            _ => NoReport(),
        };
    }

    private static async Task<IResult> EraseContactAsync(
        Guid id, [FromHeader(Name = TokenHeader)] string? token, HttpContext context,
        ReportIntake intake, SubmissionRateLimiter limiter, CancellationToken cancellationToken)
    {
        if (await RateLimitedAsync(context, limiter, "Too many requests; try again later.", cancellationToken) is { } limited)
        {
            return limited;
        }

        return await intake.EraseContactAsync(id, token, cancellationToken)
            ? Results.Accepted($"/api/v1/reports/{id}/status", new { id, contact = "erased" })
            : NoReport();
    }

    /// <summary>What a reporter sends with the status token counts against the same per-client limit as submissions.</summary>
    private static async Task<IResult?> RateLimitedAsync(HttpContext context, SubmissionRateLimiter limiter, string detail, CancellationToken cancellationToken)
    {
        var rate = await limiter.TryAcquireAsync(context.Connection.RemoteIpAddress, unchallenged: false, cancellationToken);
        return rate.Allowed ? null : GateProblems.For(context, new GateResult(GateVerdict.RateLimited, RetryAfter: rate.RetryAfter, Detail: detail));
    }

    // The same answer for an unknown id and a wrong token: ids cannot be probed.
    private static IResult NoReport() => ProblemResults.NotFound("No report with this id and token.");

    /// <summary>The receipt, with its leaf in the public log as the status page shows it (read from Triage's log, briefly cached).</summary>
    private static async Task<IResult> StatusAsync(
        Guid id, [FromHeader(Name = TokenHeader)] string? token, ReportIntake intake, TransparencyReader log, CancellationToken cancellationToken) =>
        await intake.FindReceiptAsync(id, token, cancellationToken) is { } receipt
            ? Results.Ok(ReportStatusResponse.From(receipt, await log.ReceivedLeafAsync(receipt.Id, cancellationToken)))
            : NoReport();
}
