namespace SafetyReports.Intake.Api;

/// <summary>The problem answers for a submission the gate turned away.</summary>
public static class GateProblems
{
    public static IResult For(HttpContext context, GateResult gate)
    {
        if (gate.Verdict == GateVerdict.RateLimited)
        {
            context.Response.Headers.RetryAfter = Math.Ceiling(gate.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: gate.Detail);
        }

        return ProblemResults.Validation(new Dictionary<string, string[]> { [ProofOfWork.Header] = [gate.Detail!] });
    }
}
