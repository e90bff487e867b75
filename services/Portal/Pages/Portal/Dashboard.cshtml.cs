using SafetyReports.Portal.Dashboard;

namespace SafetyReports.Portal.Pages.Portal;

/// <summary>
/// <c>/portal/dashboard</c>: what needs a maintainer's attention first — SLA breaches, hosts that do not acknowledge,
/// the oldest open reports and the reports waiting on their reporter — each a short table with a link to the full
/// list in the queue. Every section is one indexed query; one that fails leaves the others on the page.
/// </summary>
public sealed class DashboardModel(TriageClient triage, TimeProvider clock) : PortalPageModel
{
    public const int Top = 10;

    public static readonly QueueQuery SlaBreaches = new() { Overdue = true, Sort = "deadline" };
    public static readonly QueueQuery OldestOpen = new() { Status = QueueQuery.OpenStatus, Sort = "oldest" };
    public static readonly QueueQuery WaitingOnReporter = new() { Status = ReportStatuses.NeedsInfo, Sort = "oldest" };

    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    public DashboardSection? Breaches { get; private set; }

    public DashboardSection? Open { get; private set; }

    public DashboardSection? Waiting { get; private set; }

    public AccountabilityFigures? Accountability { get; private set; }

    public IReadOnlyList<SilentHost> SilentHosts { get; private set; } = [];

    public SlaState SlaOf(ReportListItem item) => SlaDisplay.For(item.Status, item.Deadline, item.Overdue, Now);

    public string Since(DateTimeOffset at) => SlaDisplay.Duration(Now > at ? Now - at : TimeSpan.Zero);

    /// <summary>The queue page listing every report of a section, not only the first <see cref="Top"/>.</summary>
    public static string QueueUrl(QueueQuery query) => query.ToPageUrl();

    /// <summary>The host's reports still waiting for its acknowledgement, oldest first.</summary>
    public static string HostQueueUrl(string host) =>
        new QueueQuery { ModelHost = host, Status = ReportStatuses.HostNotified, Sort = "oldest" }.ToPageUrl();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Task<ApiResult<ReportListPage>> List(QueueQuery query) => triage.ListAsync(query with { Limit = Top }, cancellationToken);
        var breaches = List(SlaBreaches);
        var breachCount = triage.CountsAsync(SlaBreaches, cancellationToken);
        var open = List(OldestOpen);
        var waiting = List(WaitingOnReporter);
        var counts = triage.CountsAsync(new QueueQuery(), cancellationToken);
        var hosts = triage.AccountabilityHostsAsync(cancellationToken);
        await Task.WhenAll(breaches, breachCount, open, waiting, counts, hosts);

        var problems = new[] { breaches.Result.Problem, breachCount.Result.Problem, open.Result.Problem, waiting.Result.Problem, counts.Result.Problem, hosts.Result.Problem };
        foreach (var problem in problems.OfType<ApiProblem>())
        {
            if (await ShowProblemAsync(problem) is { } stop)
            {
                return stop;
            }
        }

        var distinct = Errors.Distinct().ToList();
        Errors.Clear();
        Errors.AddRange(distinct);

        var all = counts.Result.Value;
        Breaches = DashboardSection.From(breaches.Result, breachCount.Result.Value?.Total);
        Open = DashboardSection.From(open.Result, all is null ? null : OpenCount.Of(all));
        Waiting = DashboardSection.From(waiting.Result, all?.Counts.GetValueOrDefault(ReportStatuses.NeedsInfo));
        Accountability = hosts.Result.Value;
        SilentHosts = Accountability is null ? [] : HostSilence.Of(Accountability.Groups);
        return Page();
    }
}
