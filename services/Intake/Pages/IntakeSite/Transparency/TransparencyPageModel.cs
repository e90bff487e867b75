namespace SafetyReports.Intake.Pages.IntakeSite.Transparency;

/// <summary>What both transparency pages share: the period filter, the chosen time, and the status code of the outcome.</summary>
public abstract class TransparencyPageModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Time { get; set; }

    public PeriodInput Period { get; protected set; } = PeriodInput.Parse(null, null);

    public TransparencyPageData Data { get; protected set; } = TransparencyPageData.Unavailable;

    public string Milestone => SafetyReports.Intake.Transparency.Milestone.OrDefault(Time);

    /// <summary>An invalid filter is answered here, before Triage is asked.</summary>
    protected bool ReadPeriod()
    {
        Period = PeriodInput.Parse(From, To);
        if (!Period.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Period.IsValid;
    }

    protected void Answer(TransparencyPageData data)
    {
        Data = data;
        Response.StatusCode = data.Outcome switch
        {
            TransparencyOutcome.Ok => StatusCodes.Status200OK,
            TransparencyOutcome.Invalid => StatusCodes.Status400BadRequest,
            TransparencyOutcome.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status503ServiceUnavailable,
        };
        if (data.Outcome == TransparencyOutcome.Unavailable)
        {
            Response.Headers.RetryAfter = "60";
        }
    }
}
