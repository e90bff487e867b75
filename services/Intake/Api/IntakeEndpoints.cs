using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using SafetyReports.Contracts;
using SafetyReports.Intake.Domain;
using SafetyReports.ServiceDefaults.Hosting;

namespace SafetyReports.Intake.Api;

public static class IntakeEndpoints
{
    public const string TokenHeader = "X-Report-Token";
    public const string IdempotencyHeader = "Idempotency-Key";

    public static void MapIntakeEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").AllowAnonymous().WithTags("Intake");
        api.MapPost("/reports", SubmitAsync)
            .Accepts<ReportSubmissionRequest>("application/json")
            .Produces<SubmissionReceipt>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/reports/{id:guid}/status", StatusAsync);
        api.MapGet("/taxonomy", () => Results.Ok(HazardTaxonomy.Categories));
        app.MapGet("/", LandingPage.Render).ExcludeFromDescription();
    }

    private static async Task<IResult> SubmitAsync(HttpRequest httpRequest, ReportIntake intake, CancellationToken cancellationToken)
    {
        var idempotencyKey = httpRequest.Headers[IdempotencyHeader].ToString();
        if (idempotencyKey.Length > SubmissionLimits.MaxIdempotencyKey || idempotencyKey.Any(c => c < 0x21 || c > 0x7E))
        {
            return ProblemResults.Validation(new Dictionary<string, string[]>
            {
                [IdempotencyHeader] = [$"1 to {SubmissionLimits.MaxIdempotencyKey} visible ASCII characters."],
            });
        }

        var body = await SubmissionBodyReader.ReadAsync(httpRequest, cancellationToken);
        switch (body.Problem)
        {
            case BodyProblem.NotJson:
                return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: body.Detail);
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

        var outcome = await intake.SubmitAsync(body.Request!, idempotencyKey.Length == 0 ? null : idempotencyKey, body.RequestHash!, cancellationToken);
        if (outcome.Kind == SubmissionOutcomeKind.IdempotencyKeyReused)
        {
            return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency key reused",
                detail: "This Idempotency-Key was already used with a different request body.");
        }

        var receipt = outcome.Receipt!;
        return Results.Accepted($"/api/v1/reports/{receipt.Id}/status", receipt);
    }

    private static async Task<IResult> StatusAsync(
        Guid id, [FromHeader(Name = TokenHeader)] string? token, ReportIntake intake, CancellationToken cancellationToken)
    {
        var receipt = await intake.FindReceiptAsync(id, token, cancellationToken);
        if (receipt is null)
        {
            // The same answer for an unknown id and a wrong token: ids cannot be probed.
            return ProblemResults.NotFound("No report with this id and token.");
        }

        return Results.Ok(new ReportStatusResponse(
            receipt.Id, receipt.Status, receipt.ReceivedAt, receipt.UpdatedAt,
            receipt.PublicNotes.Select(n => new PublicNoteResponse(n.At, n.Text)).ToList()));
    }
}
