using SafetyReports.Contracts;
using SafetyReports.Triage.Disclosure;
using SafetyReports.Triage.Domain;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

public abstract partial class TriageStoreContractTests
{
    [Fact]
    public async Task Disclosure_due_walks_unanswered_triaged_reports_oldest_first_in_pages_and_lists_disclosed_ones_newest_first()
    {
        var store = await CreateStoreAsync();
        var waiting = new List<Report>();
        for (var i = 0; i < 5; i++)
        {
            var report = NewReport(At(i)) with { Status = ReportStatuses.Triaged, TriagedAt = At(100 + i) };
            await store.AddReportAsync(report, Audit(report.Id, "received", At(i)), [], Ct);
            waiting.Add(report);
        }

        var answered = NewReport(At(0)) with { Status = ReportStatuses.Acknowledged, TriagedAt = At(50), RespondedAt = At(60) };
        var untriaged = NewReport(At(0));
        var rejected = NewReport(At(0)) with { Status = ReportStatuses.Rejected, TriagedAt = At(50) };
        foreach (var other in new[] { answered, untriaged, rejected })
        {
            await store.AddReportAsync(other, Audit(other.Id, "received", At(0)), [], Ct);
        }

        var first = await store.DisclosureDueAsync(At(104), null, 2, Ct);
        var second = await store.DisclosureDueAsync(At(104), first[^1], 2, Ct);
        var third = await store.DisclosureDueAsync(At(104), second[^1], 2, Ct);
        Assert.Equal(waiting.Take(4).Select(r => r.Id), first.Concat(second).Concat(third).Select(c => c.Id));
        Assert.Equal(At(100), first[0].At);

        // Disclosed: no longer due, listed most recent first.
        for (var i = 0; i < 3; i++)
        {
            var disclosed = waiting[i] with { DisclosureRemindedAt = At(200), DisclosureDueAt = At(300), DisclosedAt = At(300 + i), Version = 2 };
            Assert.True(await store.UpdateReportAsync(disclosed, 1, Audit(disclosed.Id, "disclosed", At(300 + i)), [], Ct));
        }

        Assert.Equal(waiting.Skip(3).Select(r => r.Id), (await store.DisclosureDueAsync(At(1000), null, 10, Ct)).Select(c => c.Id));
        var page = await store.ListDisclosedAsync(null, 2, Ct);
        Assert.Equal([waiting[2].Id, waiting[1].Id], page.Select(r => r.Id));
        var rest = await store.ListDisclosedAsync(new DisclosureCursor(page[^1].DisclosedAt!.Value, page[^1].Id), 2, Ct);
        Assert.Equal([waiting[0].Id], rest.Select(r => r.Id));
        Assert.Equal(At(300), rest[0].DisclosureDueAt);
    }
}
