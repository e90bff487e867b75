namespace SafetyReports.Intake.Pages.IntakeSite.Transparency;

/// <summary>What the advisory pages share: the status code of Triage's answer (a 503 with Retry-After when it could not be read).</summary>
public abstract class AdvisoryPageModel : PageModel
{
    public TransparencyOutcome Outcome { get; private set; } = TransparencyOutcome.Unavailable;

    protected void Answered(TransparencyOutcome outcome)
    {
        Outcome = outcome;
        Response.StatusCode = outcome switch
        {
            TransparencyOutcome.Ok => StatusCodes.Status200OK,
            TransparencyOutcome.Invalid => StatusCodes.Status400BadRequest,
            TransparencyOutcome.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status503ServiceUnavailable,
        };
        if (outcome == TransparencyOutcome.Unavailable)
        {
            Response.Headers.RetryAfter = "60";
        }
    }
}
