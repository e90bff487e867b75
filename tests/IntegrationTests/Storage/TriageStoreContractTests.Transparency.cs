using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Storage;
using SafetyReports.Triage.Transparency;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>
/// The transparency figures of a seeded scenario with known timings, kept by the store as reports move and
/// read at a set moment: exact medians, 90th percentiles, shares and withheld cells (threshold 5, SLA 72 h).
/// </summary>
public abstract partial class TriageStoreContractTests
{
    private static readonly DateTimeOffset March = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AsOf = new(2026, 3, 20, 0, 0, 0, TimeSpan.Zero);

    /// <summary>One report's path: minutes after receipt to triage, then after triage to the first delivery, then after it to ack and response.</summary>
    private sealed record Path(string Model, string Category, string Status, int? Triage = null, int? Notify = null, int? Ack = null, int? Respond = null,
        string? Action = null, bool Automated = false, DateTimeOffset? Received = null);

    private static readonly Path[] Scenario =
    [
        new("org/a", "hate", ReportStatuses.Resolved, 30, 10, 120, 300, HostResponseActions.Removed),
        new("org/a", "hate", ReportStatuses.Acknowledged, 60, 5, 60, 1440, HostResponseActions.Restricted, Automated: true),
        new("org/a", "hate", ReportStatuses.Resolved, 120, 20, 80 * 60, 4 * 1440, HostResponseActions.NoAction),
        new("org/a", "hate", ReportStatuses.HostNotified, 180, 60),
        new("org/a", "hate", ReportStatuses.Triaged, 45),
        new("org/a", "hate", ReportStatuses.Received),
        new("org/b", "hate", ReportStatuses.Acknowledged, 600, 120, 30),
        new("org/b", "privacy", ReportStatuses.Rejected),

        // Outside March: not in the period asked for.
        new("org/a", "hate", ReportStatuses.Triaged, 5, Received: March.AddMonths(-1)),
    ];

    private async Task<ITriageStore> SeedAsync()
    {
        var store = await CreateStoreAsync();
        foreach (var path in Scenario)
        {
            await WalkAsync(store, "hub-t", path);
        }

        // Another host with four triaged reports: not listed at threshold 5.
        for (var i = 0; i < 4; i++)
        {
            await WalkAsync(store, "hub-u", new Path("org/c", "hate", ReportStatuses.Triaged, 15));
        }

        return store;
    }

    /// <summary>Stores the report as received and then saves each milestone as its own update, as the services do.</summary>
    private static async Task WalkAsync(ITriageStore store, string host, Path path)
    {
        var received = path.Received ?? March;
        var report = NewReport(received) with
        {
            Model = new ModelReference(host, path.Model, null, null),
            Category = path.Category,
            ReceivedAt = received,
            UpdatedAt = received,
        };
        Assert.True(await store.AddReportAsync(report, Audit(report.Id, "received", received), [], Ct));
        var steps = new List<Func<Report, Report>>();
        var triaged = received.AddMinutes(path.Triage ?? 0);
        var notified = triaged.AddMinutes(path.Notify ?? 0);
        if (path.Triage is not null)
        {
            steps.Add(r => r with { Status = ReportStatuses.Triaged, TriagedAt = triaged });
        }

        if (path.Notify is not null)
        {
            steps.Add(r => r with { Status = ReportStatuses.HostNotified, HostNotifiedAt = notified });
        }

        if (path.Ack is { } ack)
        {
            steps.Add(r => r with { Status = ReportStatuses.Acknowledged, AcknowledgedAt = notified.AddMinutes(ack) });
        }

        if (path.Respond is { } respond)
        {
            var at = notified.AddMinutes(respond);
            steps.Add(r => r with { RespondedAt = at, HostResponse = new HostStatement(1, path.Action!, "the model", null, "terms", path.Automated, null, at) });
        }

        steps.Add(r => r with { Status = path.Status });
        foreach (var step in steps)
        {
            var next = step(report) with { Version = report.Version + 1 };
            Assert.True(await store.UpdateReportAsync(next, report.Version, Audit(report.Id, "step", received), [], Ct));
            report = next;
        }
    }

    private static Task<TransparencyFigures> FiguresAsync(ITriageStore store, string? host, int from = 202603, int to = 202603) =>
        new TransparencyQuery(store, new TransparencyOptions(), new FixedClock(AsOf)).FiguresAsync(host, new TransparencyPeriod(from, to), Ct);

    [Fact]
    public async Task Transparency_figures_of_a_seeded_scenario_are_exact_and_withhold_small_counts()
    {
        var store = await SeedAsync();
        var figures = await FiguresAsync(store, null);

        var host = Assert.Single(figures.Groups);
        Assert.Equal(("hub-t", (string?)null, 8L, 6L), (host.Host, host.Model, host.Reports!.Value, host.Triaged!.Value));
        Assert.Equal(new ResponseTime(6, 60 * 60, 600 * 60), host.TimeToTriage);
        Assert.Equal(new ResponseTime(5, 20 * 60, 120 * 60), host.TimeToNotify);
        Assert.Equal(new ResponseTime(null, null, null), host.TimeToAcknowledge);
        Assert.Equal(new ResponseTime(null, null, null), host.TimeToRespond);
        Assert.Equal(new AcknowledgementFigures(5, null, null, null, 0, 0.6), host.Acknowledgement);
        Assert.Equal(5, host.Open);
        Assert.Equal(new long?[] { 0, 5, 0, 0 }, OpenAgeBands.All.Select(b => host.OpenByAge[b.Name]));
        Assert.All(host.ByStatus.Values, count => Assert.True(count is null or 0));
        Assert.Null(host.ByStatus[ReportStatuses.Resolved]);

        // One withheld category would follow from the total; the other one is withheld with it.
        Assert.Null(host.ByCategory["privacy"]);
        Assert.Null(host.ByCategory["hate"]);
        Assert.Equal(0, host.ByCategory["violent-crimes"]);
        Assert.All(host.Actions.Values, count => Assert.True(count is null or 0));
        Assert.Null(host.Actions[HostResponseActions.Removed]);
        Assert.Null(host.AutomatedResponses);
        Assert.Equal((202603, 202603), (int.Parse(figures.From.Replace("-", "")), int.Parse(figures.To.Replace("-", ""))));
        Assert.Equal((AsOf, 5, 72 * 3600L), (figures.AsOf, figures.SuppressionThreshold, figures.AcknowledgementSlaSeconds));
        Assert.Equal((await store.ReadAuditChainAsync(0, 10_000, Ct))[^1].Hash, figures.Audit!.Hash);

        // The same figures as CSV: withheld cells are empty, times in seconds.
        var lines = TransparencyCsv.Write(figures).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var row = lines[0].Split(',').Zip(Assert.Single(lines[1..]).Split(',')).ToDictionary(c => c.First, c => c.Second);
        Assert.Equal(("hub-t", "", "8", "6"), (row["host"], row["model"], row["reports"], row["triaged"]));
        Assert.Equal(("6", "3600", "36000"), (row["time_to_triage_count"], row["time_to_triage_median_seconds"], row["time_to_triage_p90_seconds"]));
        Assert.Equal(("5", "1200", "7200"), (row["time_to_notify_count"], row["time_to_notify_median_seconds"], row["time_to_notify_p90_seconds"]));
        Assert.Equal(("", "", ""), (row["time_to_acknowledge_count"], row["time_to_acknowledge_median_seconds"], row["time_to_respond_p90_seconds"]));
        Assert.Equal(("5", "", "", "", "0", "0.6"), (row["ack_notified"], row["ack_within_sla"], row["ack_late"], row["ack_overdue"], row["ack_pending"], row["ack_share_within_sla"]));
        Assert.Equal(("", "", "0", "5", "0"), (row["category_hate"], row["category_privacy"], row["category_violent-crimes"], row["open"], row["open_under7Days"]));
        Assert.Equal(("2026-03", "2026-03", "2026-03-20T00:00:00.000Z"), (row["from"], row["to"], row["as_of"]));
    }

    [Fact]
    public async Task Transparency_figures_per_model_list_only_models_with_enough_triaged_reports()
    {
        var store = await SeedAsync();
        var models = await FiguresAsync(store, "hub-t");

        var model = Assert.Single(models.Groups);
        Assert.Equal(("hub-t", "org/a", 6L, 5L), (model.Host, model.Model, model.Reports!.Value, model.Triaged!.Value));
        Assert.Equal(new ResponseTime(5, 60 * 60, 180 * 60), model.TimeToTriage);
        Assert.Equal(new ResponseTime(null, null, null), model.TimeToNotify);
        Assert.Equal(6, model.ByCategory["hate"]);
        Assert.Null(model.Open);

        // February alone: one triaged report, nothing listed; February and March: org/a has seven reports.
        Assert.Empty((await FiguresAsync(store, "hub-t", 202602, 202602)).Groups);
        Assert.Equal(7, Assert.Single((await FiguresAsync(store, "hub-t", 202602, 202603)).Groups).Reports);
        Assert.Empty((await FiguresAsync(store, "hub-u")).Groups);
    }

    [Fact]
    public async Task Transparency_cells_follow_every_change_and_equal_a_recount_from_the_reports()
    {
        var store = await SeedAsync();
        var before = await FiguresAsync(store, null);

        // Reopen a resolved report and reject it again, then move it back: the cells come back to where they were.
        var all = await store.ListReportsAsync(new ReportQuery { ModelHost = "hub-t", Limit = 100 }, Ct);
        var resolved = all.Items.First(r => r.Status == ReportStatuses.Resolved);
        var reopened = resolved with { Status = ReportStatuses.Triaging, Version = resolved.Version + 1 };
        Assert.True(await store.UpdateReportAsync(reopened, resolved.Version, Audit(resolved.Id, "reopen", March), [], Ct));
        var during = Assert.Single((await FiguresAsync(store, null)).Groups);
        Assert.Equal(6, during.Open);
        var back = reopened with { Status = ReportStatuses.Resolved, Version = reopened.Version + 1 };
        Assert.True(await store.UpdateReportAsync(back, reopened.Version, Audit(resolved.Id, "close", March), [], Ct));

        var tallies = new TransparencyTallies(AsOf);
        foreach (var report in all.Items.Where(r => r.ReceivedAt >= March))
        {
            tallies.Add(report.Model.Host, null, TransparencyContribution.For(report, new TransparencyOptions().AcknowledgementSla));
        }

        var recount = TransparencyFiguresBuilder.Build(tallies, new TransparencyPeriod(202603, 202603), new TransparencyOptions(), before.Audit);
        SameJson(recount.Groups, before.Groups);
        SameJson(before.Groups, (await FiguresAsync(store, null)).Groups);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
