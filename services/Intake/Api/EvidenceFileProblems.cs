using SafetyReports.Intake.Evidence;

namespace SafetyReports.Intake.Api;

/// <summary>
/// The API's answer to refused evidence files: 415 for a type the bytes do not show as accepted, 413 for more than a report
/// may carry, otherwise 400. Each carries the field error under <c>files</c>, naming the file.
/// </summary>
public static class EvidenceFileProblems
{
    public const string Field = MultipartSubmissionReader.FilesPart;

    public static IResult For(EvidenceFileRefusal refusal, string problem) => refusal switch
    {
        EvidenceFileRefusal.UnsupportedType => WithError(StatusCodes.Status415UnsupportedMediaType, "Unsupported file type", problem),
        EvidenceFileRefusal.TooLargeInTotal => WithError(StatusCodes.Status413PayloadTooLarge, "Report too large", problem),
        _ => ProblemResults.Validation(new Dictionary<string, string[]> { [Field] = [problem] }),
    };

    public static IResult Disabled() => Results.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
        detail: "This service does not accept evidence files yet: send the report as application/json, without files.");

    private static IResult WithError(int status, string title, string problem) => Results.Problem(
        statusCode: status, title: title, detail: problem,
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [Field] = [problem] } });
}
