using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Storage;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary><c>status=open</c>: every report not closed, in each order, paged, with the other filters and a search.</summary>
public abstract partial class TriageStoreContractTests
{
    [Theory]
    [InlineData(ReportSort.Newest)]
    [InlineData(ReportSort.Oldest)]
    [InlineData(ReportSort.Deadline)]
    public async Task Open_lists_every_report_not_closed_once_in_each_order_with_filters_and_search(ReportSort sort)
    {
        var store = await CreateStoreAsync();
        string?[] severities = ["critical", "high", null, "medium", "low"];
        // Every status several times; shared received times, so only the id breaks ties.
        var reports = Enumerable.Range(0, 36).Select(i => NewReport(At(i / 4)) with
        {
            Status = ReportStatuses.All[i % ReportStatuses.All.Count],
            Severity = severities[i % severities.Length],
            Category = i % 2 == 0 ? "privacy" : "hate",
            Title = i % 3 == 0 ? "needle report" : "hay report",
        }).ToList();
        foreach (var report in reports)
        {
            await store.AddReportAsync(report, Audit(report.Id, "received", report.ReceivedAt), [], Ct);
        }

        IEnumerable<Guid> Expected(Func<Report, bool> filter) =>
            InQueueOrder(reports.Where(r => r.Status is not (ReportStatuses.Resolved or ReportStatuses.Rejected or ReportStatuses.Duplicate)).Where(filter), sort);

        Task<List<Guid>> All(ReportQuery query) => AllPagesAsync(store, query with { Limit = 3, Sort = sort, Open = true });

        Assert.Equal(24, Expected(_ => true).Count());
        Assert.Equal(Expected(_ => true), await All(new ReportQuery()));
        Assert.Equal(Expected(r => r.Category == "hate"), await All(new ReportQuery(Category: "hate")));
        Assert.Equal(Expected(r => r.Title.StartsWith("needle", StringComparison.Ordinal)), await All(new ReportQuery(Text: "needle")));
        Assert.Equal(Expected(r => r.Status == ReportStatuses.NeedsInfo), await All(new ReportQuery(Status: ReportStatuses.NeedsInfo)));
        Assert.Empty(await All(new ReportQuery(Status: ReportStatuses.Resolved)));
        // Counts ignore it, as they ignore status.
        Assert.Equal(reports.Count, (await store.CountReportsAsync(new ReportQuery(Open: true), Ct)).Total);
    }
}
