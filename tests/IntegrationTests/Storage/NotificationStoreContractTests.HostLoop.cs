using SafetyReports.Contracts;
using SafetyReports.Notification.Domain;
using SafetyReports.Notification.Storage;
using SafetyReports.ServiceDefaults.Messaging;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>What issue 14 (the host loop) added: notices, forwarded contests, the maintainers–host thread, the DSA statement fields.</summary>
public abstract partial class NotificationStoreContractTests
{
    private static HostNotice NewNotice(Guid reportId, int revision, string text = "What the model did") => new(
        reportId, "huggingface", revision, new ModelReference("huggingface", "org/model", "main", "https://hub.example/org/model"),
        text, [new EvidenceItem("prompt", "p " + revision), new EvidenceItem("output", "o")], "A note to the host", true,
        new DateOnly(2025, 2, 28), At(revision));

    [Fact]
    public async Task A_notice_is_kept_per_report_and_only_a_higher_revision_replaces_it()
    {
        var store = await CreateStoreAsync();
        var reportId = Guid.NewGuid();
        var second = NewNotice(reportId, 2);
        var updated = NewDelivery(reportId, At(2)) with { EventType = WebhookEvents.Updated };

        // Events are not ordered: revision 2 comes first, and no route exists yet.
        Assert.Equal(NoticeWrite.Stored, await store.SaveNoticeAsync(second, [updated], Ct));
        Assert.Equal(NoticeWrite.Ignored, await store.SaveNoticeAsync(NewNotice(reportId, 1), [NewDelivery(reportId, At(3))], Ct));
        Assert.Equal(NoticeWrite.Ignored, await store.SaveNoticeAsync(second with { Description = "changed" }, [NewDelivery(reportId, At(3))], Ct));
        SameJson<IReadOnlyList<HostNotice>>([second], await store.GetNoticesAsync([reportId], Ct));
        Assert.Equal([updated], await store.GetDeliveriesAsync(new DeliveryQuery("huggingface", reportId), Ct));
        Assert.Null(await store.GetRouteAsync(reportId, "huggingface", Ct));

        var third = NewNotice(reportId, 3) with { Description = null, Evidence = [] };
        Assert.Equal(NoticeWrite.Replaced, await store.SaveNoticeAsync(third, [], Ct));
        SameJson<IReadOnlyList<HostNotice>>([third], await store.GetNoticesAsync([reportId], Ct));
    }

    [Fact]
    public async Task Notices_are_read_for_a_page_of_reports()
    {
        var store = await CreateStoreAsync();
        var (a, b, none) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await store.SaveNoticeAsync(NewNotice(a, 1), [], Ct);
        await store.SaveNoticeAsync(NewNotice(b, 4), [], Ct);

        var notices = await store.GetNoticesAsync([a, b, none, a], Ct);

        SameJson(new[] { NewNotice(a, 1), NewNotice(b, 4) }.OrderBy(n => n.ReportId).ToList(), notices.OrderBy(n => n.ReportId).ToList());
        Assert.Empty(await store.GetNoticesAsync([], Ct));
    }

    [Fact]
    public async Task Notices_racing_keep_the_highest_revision()
    {
        var store = await CreateStoreAsync();
        var reportId = Guid.NewGuid();

        var writes = await Task.WhenAll(Enumerable.Range(1, 8).Select(r => Task.Run(() => store.SaveNoticeAsync(NewNotice(reportId, r), [], Ct), Ct)));

        Assert.Equal(8, (await store.GetNoticesAsync([reportId], Ct)).Single().Revision);
        Assert.Single(writes, w => w == NoticeWrite.Stored);
    }

    [Fact]
    public async Task A_forwarded_contest_is_recorded_once_with_its_deliveries()
    {
        var store = await CreateStoreAsync();
        var reportId = Guid.NewGuid();
        var first = new HostContest(ContestIds.For(reportId, "huggingface", 1), reportId, "huggingface", 1, "Still there", null, At(1), At(2));
        var second = new HostContest(ContestIds.For(reportId, "huggingface", 2), reportId, "huggingface", 2, "Again", "We agree", At(0.5), At(5));
        var contested = NewDelivery(reportId, At(2)) with { EventType = WebhookEvents.Contested };

        Assert.True(await store.AddContestAsync(first, [contested], Ct));
        Assert.False(await store.AddContestAsync(first with { Reason = "changed" }, [NewDelivery(reportId, At(3))], Ct));
        Assert.True(await store.AddContestAsync(second, [], Ct));
        var elsewhere = new HostContest(Guid.NewGuid(), Guid.NewGuid(), "huggingface", 1, "Other", null, At(0), At(0));
        await store.AddContestAsync(elsewhere, [], Ct);

        Assert.Equal([second, first], await store.GetContestsAsync([reportId], Ct));
        Assert.Equal([contested], await store.GetDeliveriesAsync(new DeliveryQuery("huggingface", reportId), Ct));
        Assert.Equal(3, (await store.GetContestsAsync([reportId, elsewhere.ReportId], Ct)).Count);
        Assert.Empty(await store.GetContestsAsync([], Ct));
    }

    [Fact]
    public async Task A_thread_message_is_recorded_once_with_its_deliveries_and_announcement()
    {
        var store = await CreateStoreAsync();
        var reportId = Guid.NewGuid();
        var fromMaintainers = new ThreadMessage(Guid.NewGuid(), reportId, "huggingface", ThreadSides.Maintainers, "rita", "Any news?", At(1));
        var delivery = NewDelivery(reportId, At(1)) with { EventType = WebhookEvents.Message };
        var (fromHost, announced) = ThreadMessage.ByHost(reportId, "huggingface", "Removed it", At(2));
        var announcement = OutboxMessage.For(announced, At(2));
        var otherHost = new ThreadMessage(Guid.NewGuid(), reportId, "civitai", ThreadSides.Maintainers, "rita", "Hello", At(0));

        Assert.True(await store.AddMessageAsync(fromMaintainers, [delivery], null, Ct));
        Assert.False(await store.AddMessageAsync(fromMaintainers with { Text = "changed" }, [NewDelivery(reportId, At(3))], null, Ct));
        Assert.True(await store.AddMessageAsync(fromHost, [], announcement, Ct));
        Assert.False(await store.AddMessageAsync(fromHost, [], OutboxMessage.For(announced, At(3)), Ct));
        Assert.True(await store.AddMessageAsync(otherHost, [], null, Ct));

        Assert.Equal([fromMaintainers, fromHost], await store.GetMessagesAsync(reportId, "huggingface", Ct));
        Assert.Equal([otherHost], await store.GetMessagesAsync(reportId, "civitai", Ct));
        Assert.Empty(await store.GetMessagesAsync(Guid.NewGuid(), "huggingface", Ct));
        Assert.Equal([delivery], await store.GetDeliveriesAsync(new DeliveryQuery("huggingface", reportId), Ct));
        Assert.Equal([announcement], await store.PeekOutboxAsync(10, Ct));
    }

    [Fact]
    public async Task A_response_keeps_its_dsa_fields_on_the_route()
    {
        var store = await CreateStoreAsync();
        var route = NewRoute(At(0));
        await store.SavePlanAsync(new DeliveryPlan(route, []), Ct);
        var response = new HostResponse("removed", "the repository", null, "Weapons instructions", true, null,
            DecisionGrounds.IllegalContent, "Art. 5 Weapons Act", null, ["AT", "DE"], true, true, "Appeal at https://hub.example/appeal");
        var decision = HostResponseRules.Apply(route, response, At(10));

        Assert.True(await store.SaveResponseAsync(decision.Route, 0, false, [], Ct));

        Assert.Equal(decision.Route, await store.GetRouteAsync(route.ReportId, route.HostId, Ct));
        Assert.Equal(["AT", "DE"], (await store.GetRouteAsync(route.ReportId, route.HostId, Ct))!.Response!.TerritorialScope!);
    }
}
