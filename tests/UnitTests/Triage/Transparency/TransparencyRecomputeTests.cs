using SafetyReports.Contracts;
using SafetyReports.Triage.Transparency;
using static SafetyReports.Contracts.ReportStatuses;

namespace SafetyReports.UnitTests.Triage.Transparency;

public class TransparencyRecomputeTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 4, 20, 0, 0, 0, TimeSpan.Zero);
    private static readonly TransparencyOptions Options = new() { SuppressionThreshold = 2, AcknowledgementSla = TimeSpan.FromHours(72) };
    private static readonly TransparencyPeriod MarchToApril = new(202603, 202604);
    private static readonly AuditPoint Audit = new(42, new string('a', 64));

    private static DateTimeOffset At(int month, int day, int hour = 0, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private static TransparencyFacts Facts(string host, string model, string category, string status, DateTimeOffset received,
        DateTimeOffset? triaged = null, DateTimeOffset? notified = null, DateTimeOffset? acknowledged = null, DateTimeOffset? responded = null,
        string? action = null, bool automated = false) => new()
    {
        Host = host, Model = model, Category = category, Status = status, ReceivedAt = received, TriagedAt = triaged,
        NotifiedAt = notified, AcknowledgedAt = acknowledged, RespondedAt = responded, Action = action, Automated = automated,
    };

    /// <summary>
    /// hub: five reports in March–April (and one in February, outside the period); other: one triaged report,
    /// below the threshold of 2 to be listed. Durations are chosen on their resolution's steps, except the
    /// 191 hours to notify, which counts as 186 (six-hour steps beyond a week).
    /// </summary>
    private static readonly TransparencyFacts[] Scenario =
    [
        // Triaged in 30 min, notified 30 min later, acknowledged within the SLA after 1 h, responded (automated) after 3 h.
        Facts("hub", "org/a", "hate", Acknowledged, At(3, 2, 10), At(3, 2, 10, 30), At(3, 2, 11), At(3, 2, 12), At(3, 2, 14), HostResponseActions.Removed, automated: true),
        // Triaged in 2 h, notified 10 min later, acknowledged late after 100 h, responded after 48 h; resolved.
        Facts("hub", "org/a", "hate", Resolved, At(3, 5), At(3, 5, 2), At(3, 5, 2, 10), At(3, 9, 6, 10), At(3, 7, 2, 10), HostResponseActions.Disputed),
        // Triaged in 3 h, notified 3 h later, never acknowledged: overdue since 13 March.
        Facts("hub", "org/a", "hate", HostNotified, At(3, 10), At(3, 10, 3), At(3, 10, 6)),
        // Triaged in 1 h, notified 191 h later on 18 April, acknowledgement due on 21 April: pending.
        Facts("hub", "org/b", "privacy", HostNotified, At(4, 10), At(4, 10, 1), At(4, 18)),
        // Never triaged.
        Facts("hub", "org/b", "hate", Received, At(3, 20)),
        Facts("hub", "org/a", "hate", Triaged, At(2, 15), At(2, 15, 1)),
        Facts("other", "x/y", "hate", Triaged, At(3, 3), At(3, 3, 1)),
    ];

    [Fact]
    public void Host_figures_over_a_period_follow_the_rules_of_the_published_figures()
    {
        var figures = TransparencyRecompute.Figures(Scenario, Options, MarchToApril, AsOf, host: null, Audit);

        Assert.Equal((AsOf, "2026-03", "2026-04", 2, 259_200L, Audit), (figures.AsOf, figures.From, figures.To, figures.SuppressionThreshold, figures.AcknowledgementSlaSeconds, figures.Audit));
        var hub = Assert.Single(figures.Groups);
        Assert.Equal(("hub", (string?)null, 5L, 4L), (hub.Host, hub.Model, hub.Reports!.Value, hub.Triaged!.Value));

        // Three statuses of one report each are withheld; a lone withheld category takes the other one with it.
        Assert.Equal(ByName(ReportStatuses.All, (HostNotified, 2)), ByName(hub.ByStatus, Acknowledged, Resolved, Received));
        Assert.Equal(ByName(HazardTaxonomy.Categories.Select(c => c.Code)), ByName(hub.ByCategory, "hate", "privacy"));
        Assert.Equal(ByName(HostResponseActions.All), ByName(hub.Actions, HostResponseActions.Removed, HostResponseActions.Disputed));
        Assert.Null(hub.AutomatedResponses);

        // Nearest rank: triage 30, 60, 120, 180 min; notify 10, 30, 180, 11160 min; acknowledge 60, 6000; respond 180, 2880.
        Assert.Equal(new ResponseTime(4, 3_600, 10_800), hub.TimeToTriage);
        Assert.Equal(new ResponseTime(4, 1_800, 669_600), hub.TimeToNotify);
        Assert.Equal(new ResponseTime(2, 3_600, 360_000), hub.TimeToAcknowledge);
        Assert.Equal(new ResponseTime(2, 10_800, 172_800), hub.TimeToRespond);

        // One within, one late, one overdue (settled 3), one pending: each withheld, the share shown.
        Assert.Equal(new AcknowledgementFigures(4, null, null, null, null, 0.3333), hub.Acknowledgement);

        // Open: received 49, 41 and 31 days ago, and 10 days ago; the lone 7–29 days takes the 30–89 days with it.
        Assert.Equal(4, hub.Open);
        Assert.Equal(new Dictionary<string, long?> { ["under7Days"] = 0, ["7To29Days"] = null, ["30To89Days"] = null, ["90DaysOrMore"] = 0 }, hub.OpenByAge);
    }

    [Fact]
    public void Model_figures_cover_one_hosts_models_and_list_those_with_enough_triaged_reports()
    {
        var figures = TransparencyRecompute.Figures(Scenario, Options, MarchToApril, AsOf, host: "hub", Audit);

        var model = Assert.Single(figures.Groups);
        Assert.Equal(("hub", "org/a", 3L, 3L), (model.Host, model.Model, model.Reports!.Value, model.Triaged!.Value));
        Assert.Equal(new ResponseTime(3, 7_200, 10_800), model.TimeToTriage);
        Assert.Empty(TransparencyRecompute.Figures(Scenario, Options, MarchToApril, AsOf, host: "HUB", Audit).Groups);
    }

    [Fact]
    public void Groups_come_most_reports_first_then_by_name()
    {
        TransparencyFacts Triaged(string host) => Facts(host, "m", "hate", ReportStatuses.Triaged, At(3, 1), At(3, 1, 1));
        var options = new TransparencyOptions { SuppressionThreshold = 1 };

        var figures = TransparencyRecompute.Figures(
            [Triaged("b"), Triaged("b"), Triaged("a"), Triaged("c"), Triaged("c"), Triaged("c"), Triaged("d"), Triaged("d")],
            options, MarchToApril, AsOf, host: null, audit: null);

        Assert.Equal(["c", "b", "d", "a"], figures.Groups.Select(g => g.Host));
        Assert.Equal([3L, 2L, 2L, 1L], figures.Groups.Select(g => g.Reports!.Value));
    }

    /// <summary>Every name with its count, 0 unless given.</summary>
    private static Dictionary<string, long?> ByName(IEnumerable<string> names, params (string Name, long Count)[] counts) =>
        names.ToDictionary(n => n, n => (long?)counts.Where(c => c.Name == n).Sum(c => c.Count));

    /// <summary>The breakdown with the withheld (null) cells checked to be the ones named, and set to 0 for comparison.</summary>
    private static Dictionary<string, long?> ByName(IReadOnlyDictionary<string, long?> breakdown, params string[] withheld)
    {
        Assert.Equal(withheld.Order(), breakdown.Where(c => c.Value is null).Select(c => c.Key).Order());
        return breakdown.ToDictionary(c => c.Key, c => (long?)(c.Value ?? 0));
    }
}
