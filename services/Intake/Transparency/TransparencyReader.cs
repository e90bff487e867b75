namespace SafetyReports.Intake.Transparency;

/// <summary>Reads what the transparency pages show through the cache: a period's figures and, for the overview, each of its months.</summary>
public sealed class TransparencyReader(TransparencyFiguresCache cache)
{
    public async Task<TransparencyPageData> HostsAsync(PeriodInput period, CancellationToken cancellationToken)
    {
        var answer = await cache.GetAsync(TransparencyQuery.Hosts(period.From, period.To), cancellationToken);
        if (Failed(answer) is { } failed)
        {
            return failed;
        }

        var figures = answer.Figures();
        if (figures is null)
        {
            return TransparencyPageData.Unavailable;
        }

        // Triage answers the period it used (its default when none was asked for): its months are the chart's.
        var months = PeriodInput.MonthsBetween(figures.From, figures.To);
        var perMonth = await Task.WhenAll(months.Select(async month =>
            (month, (await cache.GetAsync(TransparencyQuery.Hosts(month, month), cancellationToken)).Figures())));
        return new TransparencyPageData(TransparencyOutcome.Ok, FiguresView.Of(figures, byModel: false), CategoryTimeline.Build(perMonth), []);
    }

    public async Task<TransparencyPageData> ModelsAsync(string host, PeriodInput period, CancellationToken cancellationToken)
    {
        var answer = await cache.GetAsync(TransparencyQuery.Models(host, period.From, period.To), cancellationToken);
        if (Failed(answer) is { } failed)
        {
            return failed;
        }

        var figures = answer.Figures();
        return figures is null
            ? TransparencyPageData.Unavailable
            : new TransparencyPageData(TransparencyOutcome.Ok, FiguresView.Of(figures, byModel: true), null, []);
    }

    /// <summary>The published disclosures, or null when Triage has no such endpoint (a 404) or could not be asked.</summary>
    public async Task<PublishedDisclosures?> DisclosuresAsync(CancellationToken cancellationToken)
    {
        var answer = await cache.GetAsync(TransparencyQuery.Disclosures, cancellationToken);
        return answer.Outcome == TransparencyOutcome.Ok ? PublishedDisclosures.Parse(answer.Body) : null;
    }

    /// <summary>A page of the published advisories, newest change first, with the outcome of asking (a cursor Triage refused is Invalid).</summary>
    public async Task<(TransparencyOutcome Outcome, PublishedAdvisories? Advisories)> AdvisoriesAsync(string? cursor, CancellationToken cancellationToken)
    {
        var answer = await cache.GetAsync(TransparencyQuery.Advisories(cursor), cancellationToken);
        var list = answer.Outcome == TransparencyOutcome.Ok ? PublishedAdvisories.Parse(answer.Body) : null;
        return (answer.Outcome == TransparencyOutcome.Ok && list is null ? TransparencyOutcome.Unavailable : answer.Outcome, list);
    }

    /// <summary>One advisory, with the outcome of asking (not found, unavailable) for the page's status code.</summary>
    public async Task<(TransparencyOutcome Outcome, PublishedAdvisory? Advisory)> AdvisoryAsync(string id, CancellationToken cancellationToken)
    {
        var answer = await cache.GetAsync(TransparencyQuery.Advisory(id), cancellationToken);
        var advisory = answer.Outcome == TransparencyOutcome.Ok ? PublishedAdvisory.Parse(answer.Body) : null;
        return (answer.Outcome == TransparencyOutcome.Ok && advisory is null ? TransparencyOutcome.Unavailable : answer.Outcome, advisory);
    }

    /// <summary>The transparency log's latest signed checkpoint as Triage serves it; null when it cannot be read now.</summary>
    public async Task<string?> CheckpointAsync(CancellationToken cancellationToken)
    {
        var answer = await cache.GetAsync(TransparencyQuery.LogCheckpoint, cancellationToken);
        return answer.Outcome == TransparencyOutcome.Ok ? Encoding.UTF8.GetString(answer.Body) : null;
    }

    /// <summary>The index of the log leaf of the report's <c>received</c> entry; null until Triage has it, or when it cannot be read now.</summary>
    public async Task<long?> ReceivedLeafAsync(Guid report, CancellationToken cancellationToken)
    {
        var answer = await cache.GetAsync(TransparencyQuery.ReportLeaves(report), cancellationToken);
        return answer.Outcome == TransparencyOutcome.Ok ? ReportLeaves.Received(answer.Body) : null;
    }

    private static TransparencyPageData? Failed(TransparencyAnswer answer) => answer.Outcome switch
    {
        TransparencyOutcome.Invalid => TransparencyPageData.Invalid(answer.Errors),
        TransparencyOutcome.Ok => null,
        TransparencyOutcome.NotFound => TransparencyPageData.NotFound,
        _ => TransparencyPageData.Unavailable,
    };
}
