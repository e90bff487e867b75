namespace SafetyReports.Intake.Transparency;

/// <summary>
/// The figures as Triage serves them, JSON or CSV, for the page's download links: a browser link cannot ask
/// for CSV with an Accept header, and Triage may not be reachable at the public site's address.
/// </summary>
public static class TransparencyDownload
{
    /// <param name="errata">The errata of the period (CSV only) instead of the figures.</param>
    public static async Task<IResult> AnswerAsync(TransparencyFiguresCache cache, string? from, string? to, string? host, bool csv, CancellationToken cancellationToken,
        bool errata = false)
    {
        var period = PeriodInput.Parse(from, to);
        if (host is "")
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Which host?", detail: "Give the host as ?host=….");
        }

        if (!period.IsValid)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The period is not valid.",
                detail: "from and to are months as yyyy-MM, from no later than to.");
        }

        var query = errata ? TransparencyQuery.Errata(host, period.From, period.To)
            : host is null ? TransparencyQuery.Hosts(period.From, period.To, csv) : TransparencyQuery.Models(host, period.From, period.To, csv);
        var answer = await cache.GetAsync(query, cancellationToken);
        return answer.Outcome switch
        {
            TransparencyOutcome.Ok => Results.File(answer.Body, csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
                FileName(host, period, csv, errata)),
            TransparencyOutcome.Invalid => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The period is not valid.",
                detail: string.Join(" ", answer.Errors)),
            TransparencyOutcome.NotFound => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No figures for this host."),
            _ => Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The figures are unavailable right now.",
                detail: "Please try again in a minute."),
        };
    }

    /// <summary>A file name from safe parts only: the host name is the reporter's text and stays out of it.</summary>
    public static string FileName(string? host, PeriodInput period, bool csv, bool errata = false) =>
        $"transparency-{(errata ? "errata-" : "")}{(host is null ? "hosts" : "models")}{(period.From is null ? "" : "-" + period.From)}{(period.To is null ? "" : "-to-" + period.To)}.{(csv ? "csv" : "json")}";
}
