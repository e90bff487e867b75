using SafetyReports.Triage.Advisories;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Storage;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

public abstract partial class TriageStoreContractTests
{
    private static Advisory Draft(Guid reportId, DateTimeOffset at, string category = "hate") => new()
    {
        Id = "",
        ReportId = reportId,
        Revision = 1,
        Published = at,
        Modified = at,
        Category = category,
        Affected = [new AffectedModel("huggingface", "org/model", [], [])],
        History = [new AdvisoryRevision(1, at, AdvisoryFields.Published)],
    };

    private static Func<Advisory, AuditDraft> AuditOf(string action) =>
        a => new AuditDraft(a.ReportId, a.Modified, "ana", action, AdvisoryContent.AuditData(a));

    [Fact]
    public async Task Advisory_ids_are_allocated_once_per_report_in_order_within_the_year_and_saved_with_their_audit_entry()
    {
        var store = (IAdvisories)await CreateStoreAsync();
        var triage = (ITriageStore)store;
        var (first, second, third) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        var a = await store.SaveAdvisoryAsync(Draft(first, At(0)), 0, AuditOf("advisory_published"), Ct);
        var b = await store.SaveAdvisoryAsync(Draft(second, At(1)), 0, AuditOf("advisory_published"), Ct);
        Assert.Null(await store.SaveAdvisoryAsync(Draft(first, At(2)), 0, AuditOf("again"), Ct));
        var nextYear = await store.SaveAdvisoryAsync(Draft(third, At(0).AddYears(1)), 0, AuditOf("advisory_published"), Ct);

        Assert.Equal($"SR-{At(0).Year}-0001", a!.Id);
        Assert.Equal($"SR-{At(0).Year}-0002", b!.Id);
        Assert.Equal($"SR-{At(0).Year + 1}-0001", nextYear!.Id);
        SameJson(a, await store.GetAdvisoryAsync(a.Id, Ct));
        SameJson(b, await store.GetReportAdvisoryAsync(second, Ct));
        Assert.Null(await store.GetAdvisoryAsync("SR-1999-0001", Ct));
        Assert.Null(await store.GetReportAdvisoryAsync(Guid.NewGuid(), Ct));
        var audit = Assert.Single(await triage.GetAuditAsync(first, Ct));
        Assert.Equal(("advisory_published", a.Modified), (audit.Action, audit.At));
        Assert.Contains($"\"id\":\"{a.Id}\"", audit.Data);
    }

    [Fact]
    public async Task An_advisory_is_revised_only_at_its_revision_and_every_save_is_modified_after_every_earlier_one()
    {
        var store = (IAdvisories)await CreateStoreAsync();
        var a = (await store.SaveAdvisoryAsync(Draft(Guid.NewGuid(), At(10)), 0, AuditOf("advisory_published"), Ct))!;
        // A clock behind the last save (another replica's) still moves the feed forward.
        var b = (await store.SaveAdvisoryAsync(Draft(Guid.NewGuid(), At(5)), 0, AuditOf("advisory_published"), Ct))!;
        Assert.Equal(a.Modified.AddMilliseconds(1), b.Modified);

        var revised = AdvisoryContent.Withdraw(a, At(20));
        Assert.Null(await store.SaveAdvisoryAsync(revised, 2, AuditOf("stale"), Ct));
        var saved = (await store.SaveAdvisoryAsync(revised, 1, AuditOf("advisory_withdrawn"), Ct))!;
        Assert.Null(await store.SaveAdvisoryAsync(revised, 1, AuditOf("stale"), Ct));
        Assert.Equal((2, At(20), At(20)), (saved.Revision, saved.Modified, saved.Withdrawn));
        SameJson(saved, await store.GetAdvisoryAsync(a.Id, Ct));
        Assert.Equal(["advisory_published", "advisory_withdrawn"], (await ((ITriageStore)store).GetAuditAsync(a.ReportId, Ct)).Select(e => e.Action));
    }

    [Fact]
    public async Task The_change_feed_lists_by_modification_oldest_first_and_the_list_newest_first_in_stable_pages()
    {
        var store = (IAdvisories)await CreateStoreAsync();
        var saved = new List<Advisory>();
        for (var i = 0; i < 5; i++)
        {
            saved.Add((await store.SaveAdvisoryAsync(Draft(Guid.NewGuid(), At(i)), 0, AuditOf("advisory_published"), Ct))!);
        }

        async Task<string[]> Ids(AdvisoryCursor? position, bool feed, int limit) =>
            [.. (await store.ListAdvisoriesAsync(position, feed, limit, Ct)).Select(a => a.Id)];

        Assert.Equal(saved.Take(2).Select(a => a.Id), await Ids(null, true, 2));
        Assert.Equal(saved.Skip(2).Take(2).Select(a => a.Id), await Ids(new AdvisoryCursor(saved[1].Modified, saved[1].Id), true, 2));
        Assert.Equal(saved.Skip(2).Select(a => a.Id), await Ids(new AdvisoryCursor(saved[1].Modified, null), true, 10));
        Assert.Equal([saved[4].Id, saved[3].Id], await Ids(null, false, 2));
        Assert.Equal([saved[2].Id, saved[1].Id], await Ids(new AdvisoryCursor(saved[3].Modified, saved[3].Id), false, 2));

        // A revision is a change: the feed read up to the end finds the revised advisory after it.
        var end = new AdvisoryCursor(saved[4].Modified, saved[4].Id);
        Assert.Empty(await Ids(end, true, 10));
        var revised = (await store.SaveAdvisoryAsync(AdvisoryContent.Withdraw(saved[0], At(30)), 1, AuditOf("advisory_withdrawn"), Ct))!;
        Assert.Equal([revised.Id], await Ids(end, true, 10));
        Assert.Equal(revised.Id, (await Ids(null, false, 1))[0]);
    }
}
