using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>The purge query: closed reports that still hold contact, closed before the cut, longest closed first, bounded.</summary>
public abstract partial class TriageStoreContractTests
{
    [Fact]
    public async Task Contact_purge_finds_closed_reports_with_contact_past_the_cut_oldest_close_first_and_bounded()
    {
        var store = await CreateStoreAsync();
        var older = NewReport(At(0)) with { Status = ReportStatuses.Rejected, ClosedAt = At(10) };
        var old = NewReport(At(1)) with { Status = ReportStatuses.Resolved, ClosedAt = At(20) };
        var recent = NewReport(At(2)) with { Status = ReportStatuses.Duplicate, ClosedAt = At(100) };
        var withoutContact = NewReport(At(3)) with { Status = ReportStatuses.Resolved, ClosedAt = At(5), ProtectedContact = null, ContactAllowed = false };
        var open = NewReport(At(4)) with { Status = ReportStatuses.Triaging };
        foreach (var report in new[] { old, recent, withoutContact, open, older })
        {
            await store.AddReportAsync(report, Audit(report.Id, "received", report.ReceivedAt), [], Ct);
        }

        Assert.Equal([older.Id, old.Id], await store.ContactPurgeDueAsync(At(50), 10, Ct));
        Assert.Equal([older.Id], await store.ContactPurgeDueAsync(At(50), 1, Ct));
        Assert.Empty(await store.ContactPurgeDueAsync(At(10), 10, Ct));

        var purged = ContactErasure.Remove(older, ContactErasure.Purged, ContactErasure.RetentionActor, At(60))!.Value;
        Assert.True(await store.UpdateReportAsync(purged.Report, older.Version, purged.Audit, [], Ct));
        var reopened = old with { Status = ReportStatuses.Triaging, ClosedAt = null, Version = old.Version + 1 };
        Assert.True(await store.UpdateReportAsync(reopened, old.Version, Audit(old.Id, "transition", At(61)), [], Ct));
        Assert.Empty(await store.ContactPurgeDueAsync(At(50), 10, Ct));
        Assert.Equal([recent.Id], await store.ContactPurgeDueAsync(At(1000), 10, Ct));
        Assert.Equal(At(100), (await store.GetReportAsync(recent.Id, Ct))!.ClosedAt);
    }
}
