using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Storage;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>Counts per status: exact without a search term (after any writes); with one, of at most the cap of reports holding the words.</summary>
public abstract partial class TriageStoreContractTests
{
    [Fact]
    public async Task Counts_equal_a_count_of_the_rows_after_any_sequence_of_adds_and_updates()
    {
        var store = await CreateStoreAsync();
        var random = new Random(20260601);
        string[] categories = ["privacy", "hate", "self_harm"];
        string?[] severities = [null, "low", "medium", "high", "critical"];
        string[] hosts = ["huggingface", "civitai"];
        string?[] assignees = [null, "ana", "bo"];
        T Any<T>(T[] values) => values[random.Next(values.Length)];
        var rows = new Dictionary<Guid, Report>();
        for (var step = 0; step < 120; step++)
        {
            if (rows.Count < 10 || random.Next(3) == 0)
            {
                var report = NewReport(At(step)) with
                {
                    Status = Any(ReportStatuses.All.ToArray()), Category = Any(categories), Severity = Any(severities),
                    Model = new ModelReference(Any(hosts), "org/model"), Assignee = Any(assignees),
                    Title = random.Next(2) == 0 ? "needle" : "hay",
                };
                Assert.True(await store.AddReportAsync(report, Audit(report.Id, "received", report.ReceivedAt), [], Ct));
                rows[report.Id] = report;
                // A repeated add changes nothing.
                Assert.False(await store.AddReportAsync(report with { Status = ReportStatuses.Rejected }, Audit(report.Id, "again", report.ReceivedAt), [], Ct));
            }
            else
            {
                var current = rows.Values.ElementAt(random.Next(rows.Count));
                var changed = (random.Next(5) switch
                {
                    0 => current with { Status = Any(ReportStatuses.All.ToArray()) },
                    1 => current with { Category = Any(categories) },
                    2 => current with { Severity = Any(severities) },
                    3 => current with { Assignee = Any(assignees) },
                    _ => current with { Status = Any(ReportStatuses.All.ToArray()), Model = new ModelReference(Any(hosts), "org/other"), Title = "plain" },
                }) with { Version = current.Version + 1 };
                // A stale update (refused) must not move any count.
                Assert.False(await store.UpdateReportAsync(changed with { Status = ReportStatuses.Duplicate }, current.Version - 1, Audit(current.Id, "stale", At(step)), [], Ct));
                Assert.True(await store.UpdateReportAsync(changed, current.Version, Audit(current.Id, "edit", At(step)), [], Ct));
                rows[current.Id] = changed;
            }
        }

        var now = At(60).AddDays(1);
        var queries = new List<ReportQuery>
        {
            new(), new(Category: "hate"), new(Severity: "high"), new(ModelHost: "civitai"), new(Assignee: "ana"),
            new(Category: "privacy", Severity: "low", ModelHost: "huggingface", Assignee: "bo"), new(ModelId: "org/other"),
            new(OverdueAt: now), new(Text: "needle"), new(Text: "needle", Category: "hate"),
        };
        var sla = new SlaOptions();
        foreach (var query in queries)
        {
            var expected = rows.Values.Where(r =>
                (query.Category is null || r.Category == query.Category) && (query.Severity is null || r.Severity == query.Severity)
                && (query.ModelHost is null || r.Model.Host == query.ModelHost) && (query.ModelId is null || r.Model.Id == query.ModelId)
                && (query.Assignee is null || r.Assignee == query.Assignee)
                && (query.Text is null || r.Title == query.Text)
                && (query.OverdueAt is null || (SlaPolicy.IsOpen(r.Status) && SlaPolicy.Deadline(sla, r.ReceivedAt, r.Severity) < now))).ToList();
            var counts = await store.CountReportsAsync(query, Ct);

            Assert.Equal(ReportStatuses.All.ToDictionary(s => s, s => (long)expected.Count(r => r.Status == s)), counts.Counts);
            Assert.Equal(expected.Count, counts.Total);
            Assert.False(counts.Capped);
        }
    }

    [Fact]
    public async Task Counts_with_a_search_stop_at_the_cap_and_say_they_are_lower_bounds()
    {
        var store = await CreateStoreAsync();
        var reports = Enumerable.Range(0, 5).Select(i => NewReport(At(i)) with
        {
            Title = "needle",
            Status = i % 2 == 0 ? ReportStatuses.Received : ReportStatuses.Triaging,
        }).Append(NewReport(At(9)) with { Title = "hay" }).ToList();
        foreach (var report in reports)
        {
            await store.AddReportAsync(report, Audit(report.Id, "received", report.ReceivedAt), [], Ct);
        }

        var capped = await store.CountReportsAsync(new ReportQuery(Text: "needle", CountCap: 3), Ct);
        Assert.Equal((3L, true), (capped.Total, capped.Capped));
        Assert.All(capped.Counts, c => Assert.InRange(c.Value, 0, reports.Count(r => r.Title == "needle" && r.Status == c.Key)));
        // Reaching the cap exactly is still "at least".
        var atCap = await store.CountReportsAsync(new ReportQuery(Text: "needle", CountCap: 5), Ct);
        Assert.Equal((5L, true), (atCap.Total, atCap.Capped));
        var below = await store.CountReportsAsync(new ReportQuery(Text: "needle", CountCap: 6), Ct);
        Assert.Equal((5L, false, 3L, 2L), (below.Total, below.Capped, below.Counts["received"], below.Counts["triaging"]));
        // The cap bounds the reports holding the words that are looked at; the other filters apply to those.
        var combined = await store.CountReportsAsync(new ReportQuery(Text: "needle", Status: ReportStatuses.Triaging, Category: "privacy", CountCap: 6), Ct);
        Assert.Equal((5L, 3L, false), (combined.Total, combined.Counts["received"], combined.Capped));
        var none = await store.CountReportsAsync(new ReportQuery(Text: "needle", Category: "hate", CountCap: 3), Ct);
        Assert.Equal((0L, true), (none.Total, none.Capped));
        Assert.False((await store.CountReportsAsync(new ReportQuery(Text: "needle", Category: "hate", CountCap: 6), Ct)).Capped);
        // Without a search there is no cap.
        var all = await store.CountReportsAsync(new ReportQuery(CountCap: 2), Ct);
        Assert.Equal((6L, false), (all.Total, all.Capped));
    }
}
