using SafetyReports.Notification.Domain;
using SafetyReports.Notification.Storage;
using SafetyReports.ServiceDefaults.Messaging;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>Model identity: manifests, aliases, report digests, and routes per report and host.</summary>
public abstract partial class NotificationStoreContractTests
{
    private static string Digest(int n) => $"sha256:{n:x64}";

    [Fact]
    public async Task A_manifest_replaces_the_one_before_and_is_found_by_each_of_its_digests()
    {
        var store = await CreateStoreAsync();
        await store.SaveManifestAsync(new ModelManifest("mirror", "x/copy", [Digest(2), Digest(1)], At(1)), [], [], Ct);
        await store.SaveManifestAsync(new ModelManifest("ollama", "library/m", [Digest(1)], At(1)), [], [], Ct);

        Assert.Equal(new[] { Digest(2), Digest(1) }, (await store.GetManifestAsync("mirror", "x/copy", Ct))!.Digests);
        Assert.Equal(
            [new ModelFileMatch("mirror", "x/copy", Digest(1)), new ModelFileMatch("ollama", "library/m", Digest(1))],
            (await store.FindFilesAsync([Digest(1), Digest(1), Digest(9)], Ct)).OrderBy(m => m.HostId).ToList());

        await store.SaveManifestAsync(new ModelManifest("mirror", "x/copy", [Digest(3)], At(2)), [], [], Ct);
        var replaced = (await store.GetManifestAsync("mirror", "x/copy", Ct))!;
        Assert.Equal([Digest(3)], replaced.Digests);
        Assert.Equal(At(2), replaced.PublishedAt);
        Assert.Equal([new ModelFileMatch("ollama", "library/m", Digest(1))], await store.FindFilesAsync([Digest(1), Digest(2)], Ct));

        await store.SaveManifestAsync(new ModelManifest("mirror", "x/copy", [], At(3)), [], [], Ct);
        Assert.Null(await store.GetManifestAsync("mirror", "x/copy", Ct));
        Assert.Empty(await store.FindFilesAsync([Digest(3)], Ct));
    }

    [Fact]
    public async Task A_manifest_is_written_with_its_routes_and_alerts_in_one_transaction_and_a_new_route_announces_once()
    {
        var store = await CreateStoreAsync();
        var reportId = Guid.NewGuid();
        var route = new ReportRoute(reportId, "mirror", "x/copy", At(1), null, null, Via: RouteVia.Reupload);
        var reached = new OutboxMessage(Guid.NewGuid(), "SafetyReports.Contracts.ReportReachedHost", "{}", At(1));
        var alert = new OutboxMessage(Guid.NewGuid(), "SafetyReports.Contracts.ModelReuploadDetected", "{}", At(1));
        var delivery = NewDelivery(reportId, At(1)) with { HostId = "mirror" };

        await store.SaveManifestAsync(new ModelManifest("mirror", "x/copy", [Digest(1)], At(1)), [new DeliveryPlan(route, [delivery], reached)], [alert], Ct);
        await store.SavePlanAsync(new DeliveryPlan(route, [], reached with { Id = Guid.NewGuid() }), Ct);

        Assert.Equal(route, await store.GetRouteAsync(reportId, "mirror", Ct));
        Assert.Equal([alert, reached], (await store.PeekOutboxAsync(10, Ct)).OrderBy(m => m.MessageType).ToList());
        Assert.Single(await store.GetDeliveriesAsync(new DeliveryQuery("mirror", reportId), Ct));
    }

    [Fact]
    public async Task A_report_reaches_each_host_on_its_own_route()
    {
        var store = await CreateStoreAsync();
        var reportId = Guid.NewGuid();
        var own = new ReportRoute(reportId, "huggingface", "org/model", At(0), null, null);
        var copy = new ReportRoute(reportId, "mirror", "x/copy", At(1), null, null, Via: RouteVia.Digest);
        await store.SavePlanAsync(new DeliveryPlan(own, []), Ct);
        await store.SavePlanAsync(new DeliveryPlan(copy, []), Ct);

        Assert.Equal([own, copy], await store.GetRoutesOfReportAsync(reportId, Ct));
        Assert.Equal(own, await store.GetRouteAsync(reportId, "huggingface", Ct));
        Assert.Null(await store.GetRouteAsync(reportId, "civitai", Ct));

        var announcement = new OutboxMessage(Guid.NewGuid(), "SafetyReports.Contracts.HostAcknowledged", "{}", At(5));
        Assert.True((await store.AcknowledgeAsync(reportId, "mirror", "seen", At(5), announcement, Ct))!.First);
        Assert.Null((await store.GetRouteAsync(reportId, "huggingface", Ct))!.AcknowledgedAt);
        Assert.Equal(At(5), (await store.GetRouteAsync(reportId, "mirror", Ct))!.AcknowledgedAt);

        Assert.True(await store.SaveReminderAsync(reportId, "huggingface", 0, At(6), [], Ct));
        Assert.Equal((1, 0), ((await store.GetRouteAsync(reportId, "huggingface", Ct))!.RemindersSent, (await store.GetRouteAsync(reportId, "mirror", Ct))!.RemindersSent));
        Assert.Equal([copy with { AcknowledgedAt = At(5), AcknowledgementNote = "seen" }], (await store.GetRoutesAsync("mirror", null, 10, Ct)).Items);
    }

    [Fact]
    public async Task Linking_models_joins_their_alias_groups_and_unlinking_dissolves_a_group_of_one()
    {
        var store = await CreateStoreAsync();
        var hf = new ModelKey("huggingface", "org/model");
        var ollama = new ModelKey("ollama", "library/model");
        var civitai = new ModelKey("civitai", "123");
        var mirror = new ModelKey("mirror", "x/copy");

        var first = await store.LinkAliasAsync(hf, ollama, At(1), "ana", Ct);
        var second = await store.LinkAliasAsync(civitai, mirror, At(2), "ben", Ct);
        Assert.NotEqual(first, second);
        Assert.Equal(first, await store.LinkAliasAsync(hf, ollama, At(3), "ana", Ct));

        var joined = await store.LinkAliasAsync(ollama, mirror, At(4), "ana", Ct);
        Assert.Equal(new[] { civitai, hf, mirror, ollama }, (await store.GetAliasGroupAsync(hf, Ct)).Select(a => a.Key));
        Assert.All(await store.GetAliasGroupAsync(civitai, Ct), a => Assert.Equal(joined, a.GroupId));
        Assert.Equal((At(1), "ana"), (await store.GetAliasGroupAsync(hf, Ct)).Where(a => a.Key == hf).Select(a => (a.LinkedAt, a.LinkedBy)).Single());

        Assert.True(await store.UnlinkAliasAsync(hf, Ct));
        Assert.False(await store.UnlinkAliasAsync(hf, Ct));
        Assert.Empty(await store.GetAliasGroupAsync(hf, Ct));
        Assert.True(await store.UnlinkAliasAsync(civitai, Ct));
        Assert.True(await store.UnlinkAliasAsync(mirror, Ct));
        Assert.Empty(await store.GetAliasGroupAsync(ollama, Ct));
    }

    [Fact]
    public async Task A_reports_digests_are_kept_replaced_and_found_by_digest()
    {
        var store = await CreateStoreAsync();
        var (one, two) = (Guid.NewGuid(), Guid.NewGuid());
        await store.SaveReportDigestsAsync(one, [Digest(1), Digest(2)], Ct);
        await store.SaveReportDigestsAsync(two, [Digest(2)], Ct);

        var found = await store.FindReportsAsync([Digest(2), Digest(1), Digest(7)], Ct);
        Assert.Equal(
            new[] { (one, new[] { Digest(1), Digest(2) }), (two, new[] { Digest(2) }) }.OrderBy(m => m.Item1),
            found.Select(m => (m.ReportId, m.Digests.ToArray())), new DigestMatchComparer());

        await store.SaveReportDigestsAsync(one, [Digest(3)], Ct);
        Assert.Equal([two], (await store.FindReportsAsync([Digest(1), Digest(2)], Ct)).Select(m => m.ReportId));
        await store.SaveReportDigestsAsync(two, [], Ct);
        Assert.Empty(await store.FindReportsAsync([Digest(2)], Ct));
    }

    private sealed class DigestMatchComparer : IEqualityComparer<(Guid, string[])>
    {
        public bool Equals((Guid, string[]) x, (Guid, string[]) y) => x.Item1 == y.Item1 && x.Item2.SequenceEqual(y.Item2);

        public int GetHashCode((Guid, string[]) obj) => obj.Item1.GetHashCode();
    }
}
