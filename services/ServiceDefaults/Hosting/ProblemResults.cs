namespace SafetyReports.ServiceDefaults.Hosting;

/// <summary>RFC 9457 problem responses with the wording the public contract uses.</summary>
public static class ProblemResults
{
    public static IResult NotFound(string detail = "No such resource.") =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    public static IResult Conflict(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    public static IResult BadRequest(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: detail);

    /// <summary>A service this one needs for the answer cannot be reached now: try again later.</summary>
    public static IResult Unavailable(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable", detail: detail);

    public static IResult Validation(IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "One or more fields are invalid.");
}
