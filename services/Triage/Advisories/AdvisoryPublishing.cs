using SafetyReports.Triage.Storage;

namespace SafetyReports.Triage.Advisories;

public enum AdvisoryOutcomeKind
{
    Published,
    Revised,
    Unchanged,
    Preview,
    Withdrawn,
    NotFound,
    Invalid,
    Conflict,
}

public sealed record AdvisoryOutcome(AdvisoryOutcomeKind Kind, Advisory? Advisory = null, IDictionary<string, string[]>? Errors = null, string? Detail = null);

/// <summary>The maintainers' advisory actions on the store: preview, publish (or revise) and withdraw, each audited.</summary>
public sealed class AdvisoryPublishing(ITriageStore reports, IAdvisories advisories, TimeProvider clock)
{
    public const string PublishedAction = "advisory_published";
    public const string RevisedAction = "advisory_revised";
    public const string WithdrawnAction = "advisory_withdrawn";

    public Task<Advisory?> GetAsync(Guid reportId, CancellationToken cancellationToken) => advisories.GetReportAdvisoryAsync(reportId, cancellationToken);

    /// <summary>What publishing the request would serve, saving nothing (a first advisory has no id yet).</summary>
    public async Task<AdvisoryOutcome> PreviewAsync(Guid reportId, AdvisoryRequest request, CancellationToken cancellationToken)
    {
        var (outcome, _) = await DraftAsync(reportId, request, checkRevision: false, cancellationToken);
        return outcome;
    }

    public async Task<AdvisoryOutcome> PublishAsync(Guid reportId, AdvisoryRequest request, string actor, CancellationToken cancellationToken)
    {
        var (outcome, current) = await DraftAsync(reportId, request, checkRevision: true, cancellationToken);
        if (outcome.Kind != AdvisoryOutcomeKind.Preview)
        {
            return outcome;
        }

        var draft = outcome.Advisory!;
        if (current is not null && AdvisoryContent.SameContent(current, draft))
        {
            return new AdvisoryOutcome(AdvisoryOutcomeKind.Unchanged, current);
        }

        var action = current is null ? PublishedAction : RevisedAction;
        var saved = await advisories.SaveAdvisoryAsync(draft, current?.Revision ?? 0,
            a => new AuditDraft(reportId, a.Modified, actor, action, AdvisoryContent.AuditData(a)), cancellationToken);
        return saved is null
            ? Changed()
            : new AdvisoryOutcome(current is null ? AdvisoryOutcomeKind.Published : AdvisoryOutcomeKind.Revised, saved);
    }

    public async Task<AdvisoryOutcome> WithdrawAsync(Guid reportId, AdvisoryWithdrawRequest request, string actor, CancellationToken cancellationToken)
    {
        var current = await advisories.GetReportAdvisoryAsync(reportId, cancellationToken);
        if (current is null)
        {
            return new AdvisoryOutcome(AdvisoryOutcomeKind.NotFound, Detail: "No advisory was published from this report.");
        }

        if (request.ExpectedRevision is null)
        {
            return new AdvisoryOutcome(AdvisoryOutcomeKind.Invalid, Errors: new Dictionary<string, string[]>
            {
                ["expectedRevision"] = ["The advisory's current revision."],
            });
        }

        if (current.IsWithdrawn)
        {
            return new AdvisoryOutcome(AdvisoryOutcomeKind.Conflict, current, Detail: "The advisory is withdrawn already.");
        }

        if (request.ExpectedRevision != current.Revision)
        {
            return Stale(current);
        }

        var saved = await advisories.SaveAdvisoryAsync(AdvisoryContent.Withdraw(current, clock.GetUtcNow()), current.Revision,
            a => new AuditDraft(reportId, a.Modified, actor, WithdrawnAction, AdvisoryContent.AuditData(a)), cancellationToken);
        return saved is null ? Changed() : new AdvisoryOutcome(AdvisoryOutcomeKind.Withdrawn, saved);
    }

    private async Task<(AdvisoryOutcome Outcome, Advisory? Current)> DraftAsync(
        Guid reportId, AdvisoryRequest request, bool checkRevision, CancellationToken cancellationToken)
    {
        var report = await reports.GetReportAsync(reportId, cancellationToken);
        if (report is null)
        {
            return (new AdvisoryOutcome(AdvisoryOutcomeKind.NotFound, Detail: "No report with this id."), null);
        }

        if (AdvisoryContent.Ineligible(report) is { } ineligible)
        {
            return (new AdvisoryOutcome(AdvisoryOutcomeKind.Conflict, Detail: ineligible), null);
        }

        var errors = AdvisoryContent.Validate(request, report);
        if (errors.Count > 0)
        {
            return (new AdvisoryOutcome(AdvisoryOutcomeKind.Invalid, Errors: errors), null);
        }

        var current = await advisories.GetReportAdvisoryAsync(reportId, cancellationToken);
        if (current is { IsWithdrawn: true })
        {
            return (new AdvisoryOutcome(AdvisoryOutcomeKind.Conflict, current, Detail: "The advisory is withdrawn: it is not revised any more."), current);
        }

        if (checkRevision && current is null && request.ExpectedRevision is not null)
        {
            return (new AdvisoryOutcome(AdvisoryOutcomeKind.Conflict,
                Detail: "No advisory is published from this report yet: leave expectedRevision out to publish the first."), null);
        }

        if (checkRevision && current is not null && request.ExpectedRevision != current.Revision)
        {
            return (Stale(current), current);
        }

        return (new AdvisoryOutcome(AdvisoryOutcomeKind.Preview, AdvisoryContent.Draft(report, request, current, clock.GetUtcNow())), current);
    }

    private static AdvisoryOutcome Stale(Advisory current) => new(AdvisoryOutcomeKind.Conflict, current,
        Detail: $"The advisory is at revision {current.Revision.ToString(CultureInfo.InvariantCulture)}: send it as expectedRevision.");

    private static AdvisoryOutcome Changed() =>
        new(AdvisoryOutcomeKind.Conflict, Detail: "The advisory changed meanwhile; read it again.");
}
