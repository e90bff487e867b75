using System.Net;
using System.Text.Json.Nodes;
using MassTransit;
using SafetyReports.Contracts;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.Notification.Storage;

namespace SafetyReports.IntegrationTests.Notification;

public sealed class HostLoopFixture : NotificationSystemFixture
{
    public const string PublicBaseUrl = "https://reports.example.org";

    protected override Dictionary<string, string> Configure() => Settings(("PublicBaseUrl", PublicBaseUrl));
}

/// <summary>
/// Notification's side of the host loop, against a running Standalone: the notice a host is shown, contests the
/// maintainers forwarded, the thread with the maintainers, and the webhooks that follow a report up. Triage's messages
/// (<see cref="ReportNoticeShared"/>, <see cref="ContestForwarded"/>, <see cref="MaintainersMessagedHost"/>) are
/// published on the bus as Triage publishes them; their revisions start at 10, above any a triage itself publishes.
/// </summary>
public sealed class HostLoopTests(HostLoopFixture fixture) : IClassFixture<HostLoopFixture>
{
    private NotificationClient Notification => fixture.Notification;

    private IBus Bus => fixture.System.Get<IBus>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Resource(Guid reportId) => $"{HostLoopFixture.PublicBaseUrl}/api/v1/host/reports/{reportId}";

    private static ReportNoticeShared Notice(Guid reportId, int revision, string? description, params EvidenceItem[] evidence) => new(
        reportId, revision, new ModelReference("hub-a", "org/model", "v2", "https://hub.example/org/model"), description, evidence,
        "Item 2 shows the harm", true, new DateOnly(2026, 11, 20), new DateTimeOffset(2026, 11, 21, 9, 30, 0, 125, TimeSpan.Zero));

    private Task<JsonNode> HostReportAsync(Guid reportId, Func<JsonNode, bool> until, TestClient? client = null) =>
        Eventually.UntilAsync(async () =>
        {
            // 404 until the report's route exists (the triage event is on its way).
            using var response = await Notification.SendAsync(HttpMethod.Get, $"/api/v1/host/reports/{reportId}", client ?? TestClients.HostA);
            var report = response.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
            return report is not null && until(report) ? report : null;
        }, NotificationClient.Patience, $"host report {reportId} to reach the expected state");

    [Fact]
    public async Task The_notice_shows_exactly_what_was_shared_and_a_newer_one_is_announced_as_an_update()
    {
        var (reportId, receiver) = await Notification.AnnouncedReportAsync();
        await using var _ = receiver;
        var triaged = JsonNode.Parse((await NotificationClient.WebhookAsync(receiver, "report.triaged", reportId)).Body)!;
        Assert.Equal(Resource(reportId), triaged["data"]!["resource"]!.GetValue<string>());

        await Bus.Publish(Notice(reportId, 10, null, new EvidenceItem("output", "Step 1 …")), Ct);
        // Triage's own notice (revision 1) may be shown first: wait for ours.
        var shown = await HostReportAsync(reportId, r => r["notice"]?["noticeRevision"]?.GetValue<int>() == 10);

        Assert.Equal(
            JsonNode.Parse("""
                {"description":null,"evidence":[{"kind":"output","content":"Step 1 …"}],"noteToHost":"Item 2 shows the harm",
                 "modelUrl":"https://hub.example/org/model","revision":"v2","goodFaith":true,"receivedOn":"2026-11-20",
                 "noticeRevision":10,"sharedAt":"2026-11-21T09:30:00.125+00:00","files":[]}
                """)!.ToJsonString(),
            shown["notice"]!.ToJsonString());
        var listed = (await Notification.JsonAsync(HttpMethod.Get, "/api/v1/host/reports?limit=200", TestClients.HostA))["items"]!.AsArray()
            .Single(i => i!["id"]!.GetValue<string>() == reportId.ToString())!;
        Assert.Equal(shown["notice"]!.ToJsonString(), listed["notice"]!.ToJsonString());
        var updatedFirst = JsonNode.Parse((await NotificationClient.WebhookAsync(receiver, "report.updated", reportId)).Body)!["data"]!;
        Assert.Equal(10, updatedFirst["noticeRevision"]!.GetValue<int>());

        await Bus.Publish(Notice(reportId, 12, "The model explains it", new EvidenceItem("prompt", "how do I …"), new EvidenceItem("output", "Step 1 …")), Ct);
        var replaced = await HostReportAsync(reportId, r => r["notice"]?["noticeRevision"]?.GetValue<int>() == 12);
        Assert.Equal("The model explains it", replaced["notice"]!["description"]!.GetValue<string>());
        Assert.Equal(2, replaced["notice"]!["evidence"]!.AsArray().Count);
        var update = await Eventually.UntilAsync(
            () => Task.FromResult(receiver.Received.FirstOrDefault(r => r.Body.Contains("\"noticeRevision\":12", StringComparison.Ordinal))),
            NotificationClient.Patience, "the report.updated of revision 12");
        Assert.Equal(
            JsonNode.Parse($$"""{"reportId":"{{reportId}}","noticeRevision":12,"resource":"{{Resource(reportId)}}"}""")!.ToJsonString(),
            JsonNode.Parse(update.Body)!["data"]!.ToJsonString());
        Assert.DoesNotContain("explains", update.Body, StringComparison.Ordinal);

        // Another host sees none of it.
        using var other = await Notification.SendAsync(HttpMethod.Get, $"/api/v1/host/reports/{reportId}", TestClients.HostB);
        await NotificationClient.AssertProblemAsync(other, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_notice_that_arrives_before_the_report_was_announced_is_kept_and_shown_once_it_is()
    {
        await Notification.EnsureHostAsync("hub-a");
        var model = $"org-{Guid.NewGuid():N}/model";
        var (reportId, _) = await Notification.Api.SubmitAsync(SystemUnderTest.Report("hub-a", model, "Early notice"));
        await Bus.Publish(Notice(reportId, 10, "Shared before the host heard of it"), Ct);
        var store = fixture.System.Get<INotificationStore>();
        await Eventually.UntilAsync(async () => (await store.GetNoticesAsync([reportId], Ct)).Count == 1, NotificationClient.Patience, "the notice to be kept");
        using (var before = await Notification.SendAsync(HttpMethod.Get, $"/api/v1/host/reports/{reportId}", TestClients.HostA))
        {
            await NotificationClient.AssertProblemAsync(before, HttpStatusCode.NotFound);
        }

        var received = await Notification.Api.TriageReportAsync(reportId);
        using var triage = await Notification.Api.SendAsync(HttpMethod.Post, Notification.Api.Urls.Triage, $"/api/v1/triage/reports/{reportId}/transitions",
            TestClients.Triager, new { to = "triaged", severity = "high", expectedVersion = received["version"]!.GetValue<long>() });
        Assert.Equal(HttpStatusCode.OK, triage.StatusCode);

        var shown = await HostReportAsync(reportId, r => r["notice"] is JsonObject && r["status"]?.GetValue<string>() is not null);
        Assert.Equal("Shared before the host heard of it", shown["notice"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_forwarded_contest_is_shown_to_the_host_once_and_announced_without_its_reason()
    {
        var (reportId, receiver) = await Notification.AnnouncedReportAsync();
        await using var _ = receiver;
        var contestId = ContestIds.For(reportId, "hub-a", 1);
        var forwarded = new ContestForwarded(reportId, contestId, "hub-a", 1, "The model still answers the same prompt", "We checked: it does",
            new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));

        await Bus.Publish(forwarded, Ct);
        await Bus.Publish(forwarded with { Reason = "A repeat that changes nothing" }, Ct);

        var shown = await HostReportAsync(reportId, r => r["contests"]!.AsArray().Count > 0);
        var contest = Assert.Single(shown["contests"]!.AsArray())!;
        Assert.Equal(
            JsonNode.Parse($$"""
                {"id":"{{contestId}}","responseRevision":1,"reason":"The model still answers the same prompt","note":"We checked: it does",
                 "contestedAt":"2026-12-01T08:00:00+00:00","forwardedAt":"2026-12-02T08:00:00+00:00"}
                """)!.ToJsonString(),
            contest.ToJsonString());
        var announced = await NotificationClient.WebhookAsync(receiver, "report.contested", reportId);
        Assert.Equal(
            JsonNode.Parse($$"""{"reportId":"{{reportId}}","contestId":"{{contestId}}","responseRevision":1,"resource":"{{Resource(reportId)}}"}""")!.ToJsonString(),
            JsonNode.Parse(announced.Body)!["data"]!.ToJsonString());
        Assert.DoesNotContain("still answers", announced.Body, StringComparison.Ordinal);
        var deliveries = await Notification.JsonAsync(HttpMethod.Get, $"/api/v1/hosts/hub-a/deliveries?reportId={reportId}", TestClients.HostA);
        Assert.Single(deliveries["items"]!.AsArray(), d => d!["eventType"]!.GetValue<string>() == "report.contested");
        Assert.Single((await Notification.JsonAsync(HttpMethod.Get, $"/api/v1/host/reports/{reportId}", TestClients.HostA))["contests"]!.AsArray());
    }

    [Fact]
    public async Task The_host_and_the_maintainers_write_on_the_reports_thread()
    {
        var (reportId, receiver) = await Notification.AnnouncedReportAsync();
        await using var _ = receiver;
        await using var toMaintainers = await PublishedMessages<HostMessagedMaintainers>.ListenAsync(Bus);
        var path = $"/api/v1/host/reports/{reportId}/messages";
        var maintainers = new MaintainersMessagedHost(reportId, "hub-a", Guid.NewGuid(), "rita@maintainers.example", "Could you look at item 2?",
            new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

        await Bus.Publish(maintainers, Ct);
        await Bus.Publish(maintainers, Ct);
        var announced = await NotificationClient.WebhookAsync(receiver, "report.message", reportId);
        Assert.Equal(
            JsonNode.Parse($$"""{"reportId":"{{reportId}}","messageId":"{{maintainers.MessageId}}","resource":"{{Resource(reportId)}}"}""")!.ToJsonString(),
            JsonNode.Parse(announced.Body)!["data"]!.ToJsonString());

        var written = await Notification.JsonAsync(HttpMethod.Post, path, TestClients.HostA, new { text = "  Removed the repository.\nThanks.  " }, HttpStatusCode.Created);
        Assert.Equal("Removed the repository.\nThanks.", written["text"]!.GetValue<string>());
        Assert.Equal("host", written["from"]!.GetValue<string>());
        Assert.Equal("host:hub-a", written["author"]!.GetValue<string>());

        var thread = (await Notification.JsonAsync(HttpMethod.Get, path, TestClients.HostA))["items"]!.AsArray();
        Assert.Equal(["maintainers", "host"], thread.Select(m => m!["from"]!.GetValue<string>()));
        Assert.Equal("Could you look at item 2?", thread[0]!["text"]!.GetValue<string>());
        Assert.Null(thread[0]!["author"]);
        Assert.DoesNotContain("rita", thread.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(written["id"]!.GetValue<string>(), thread[1]!["id"]!.GetValue<string>());

        var published = await toMaintainers.FirstAsync(m => m.ReportId == reportId, NotificationClient.Patience);
        Assert.Equal(("hub-a", "host:hub-a", "Removed the repository.\nThanks.", Guid.Parse(written["id"]!.GetValue<string>())),
            (published.HostId, published.Author, published.Text, published.MessageId));
        Assert.DoesNotContain(receiver.Received, r => r.Body.Contains(written["id"]!.GetValue<string>(), StringComparison.Ordinal));
        var deliveries = await Notification.JsonAsync(HttpMethod.Get, $"/api/v1/hosts/hub-a/deliveries?reportId={reportId}", TestClients.HostA);
        Assert.Single(deliveries["items"]!.AsArray(), d => d!["eventType"]!.GetValue<string>() == "report.message");
    }

    [Fact]
    public async Task A_thread_message_is_validated_and_another_hosts_thread_does_not_exist()
    {
        var (reportId, receiver) = await Notification.AnnouncedReportAsync();
        await using var _ = receiver;
        var path = $"/api/v1/host/reports/{reportId}/messages";

        foreach (var body in new object[] { new { }, new { text = "   " }, new { text = 5 }, new { text = new string('t', 5_001) }, new { text = "a\u202eb" } })
        {
            using var bad = await Notification.SendAsync(HttpMethod.Post, path, TestClients.HostA, body);
            await NotificationClient.AssertProblemAsync(bad, HttpStatusCode.BadRequest, "text");
        }

        using (var other = await Notification.SendAsync(HttpMethod.Post, path, TestClients.HostB, new { text = "Hello" }))
        {
            await NotificationClient.AssertProblemAsync(other, HttpStatusCode.NotFound);
        }

        using (var otherRead = await Notification.SendAsync(HttpMethod.Get, path, TestClients.HostB))
        {
            await NotificationClient.AssertProblemAsync(otherRead, HttpStatusCode.NotFound);
        }

        using (var unknown = await Notification.SendAsync(HttpMethod.Get, $"/api/v1/host/reports/{Guid.NewGuid()}/messages", TestClients.HostA))
        {
            await NotificationClient.AssertProblemAsync(unknown, HttpStatusCode.NotFound);
        }

        Assert.Empty((await Notification.JsonAsync(HttpMethod.Get, path, TestClients.HostA))["items"]!.AsArray());
    }

    [Fact]
    public async Task A_full_statement_of_reasons_is_recorded_shown_and_published()
    {
        var (reportId, receiver) = await Notification.AnnouncedReportAsync();
        await using var _ = receiver;
        await using var responded = await PublishedMessages<HostResponded>.ListenAsync(Bus);
        var path = $"/api/v1/host/reports/{reportId}/response";

        using (var contradicting = await Notification.SendAsync(HttpMethod.Post, path, TestClients.HostA,
                   new { action = "no_action", grounds = "g", automated = true, automatedDecision = false }))
        {
            await NotificationClient.AssertProblemAsync(contradicting, HttpStatusCode.BadRequest, "automated");
        }

        using (var legalWithoutGround = await Notification.SendAsync(HttpMethod.Post, path, TestClients.HostA,
                   new { action = "no_action", grounds = "g", automated = true, legalGround = "Art. 5" }))
        {
            await NotificationClient.AssertProblemAsync(legalWithoutGround, HttpStatusCode.BadRequest, "legalGround");
        }

        using (var reserved = await Notification.SendAsync(HttpMethod.Post, path, TestClients.HostA,
                   new { action = "no_action", grounds = "g", automated = true, territorialScope = new[] { "UK" } }))
        {
            await NotificationClient.AssertProblemAsync(reserved, HttpStatusCode.BadRequest, "territorialScope");
        }

        var answer = await Notification.JsonAsync(HttpMethod.Post, path, TestClients.HostA, new
        {
            action = "restricted",
            scope = "the repository",
            grounds = "Step-by-step weapons instructions",
            decisionGround = "illegal_content",
            legalGround = "Art. 5 of the Weapons Act",
            territorialScope = new[] { "FR", "DE" },
            automatedDetection = true,
            automatedDecision = false,
            redress = "Appeal at https://hub.example/appeals within 6 months",
        });

        var statement = answer["response"]!;
        Assert.False(statement["automated"]!.GetValue<bool>());
        Assert.Equal(["DE", "FR"], statement["territorialScope"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Null(statement["termsReference"]);
        var shown = await Notification.JsonAsync(HttpMethod.Get, $"/api/v1/host/reports/{reportId}", TestClients.HostA);
        Assert.Equal(statement.ToJsonString(), shown["response"]!.ToJsonString());
        var published = await responded.FirstAsync(r => r.ReportId == reportId, NotificationClient.Patience);
        Assert.Equal(
            ("illegal_content", "Art. 5 of the Weapons Act", (string?)null, true, false, false, "Appeal at https://hub.example/appeals within 6 months"),
            (published.DecisionGround, published.LegalGround, published.TermsReference, published.AutomatedDetection, published.AutomatedDecision,
             published.Automated, published.Redress));
        Assert.Equal(["DE", "FR"], published.TerritorialScope!);
        Assert.Equal(1, published.Revision);
    }

    [Fact]
    public async Task The_new_events_can_be_subscribed_to_by_name_alone()
    {
        var (reportId, announcedTo) = await Notification.AnnouncedReportAsync();
        await using var _ = announcedTo;
        await using var messagesOnly = await ScriptedReceiver.StartAsync();
        var model = (await Notification.JsonAsync(HttpMethod.Get, $"/api/v1/host/reports/{reportId}", TestClients.HostA))["model"]!["id"]!.GetValue<string>();
        await Notification.SubscribeAsync(TestClients.HostA, "hub-a", messagesOnly.BaseUrl + "/messages", ["report.message"], [model]);
        var all = await Notification.SubscribeAsync(TestClients.HostA, "hub-a", messagesOnly.BaseUrl + "/all",
            ["report.updated", "report.contested", "report.message"], [model]);

        await Bus.Publish(new MaintainersMessagedHost(reportId, "hub-a", Guid.NewGuid(), "rita", "Hello", DateTimeOffset.UtcNow), Ct);

        await Eventually.UntilAsync(() => Task.FromResult(messagesOnly.Received.Count(r => r.Body.Contains("\"report.message\"", StringComparison.Ordinal)) == 2),
            NotificationClient.Patience, "the message at both subscriptions");
        Assert.Equal(["report.updated", "report.contested", "report.message"],
            (await Notification.SubscriptionAsync(all.Id, TestClients.HostA))["events"]!.AsArray().Select(e => e!.GetValue<string>()));
    }

    [Fact]
    public async Task No_answer_a_host_gets_and_no_webhook_carries_the_reporters_contact()
    {
        var email = $"rita.{Guid.NewGuid():N}@reporter.example";
        var (reportId, receiver) = await Notification.AnnouncedReportAsync(
            ["report.triaged", "report.resolved", "report.rejected", "report.reminder", "report.disclosure_pending", "report.updated", "report.contested", "report.message"],
            email);
        await using var _ = receiver;
        // The contact is there to leak: the maintainers see it.
        var maintainersView = await Notification.Api.TriageReportAsync(reportId);
        Assert.Contains(email, maintainersView.ToJsonString(), StringComparison.Ordinal);

        // Everything Notification shows a host: a notice with all that was submitted (as Triage shares it), a contest, the thread.
        await Bus.Publish(Notice(reportId, 10, "The model gave step-by-step instructions.",
            new EvidenceItem("prompt", "how do I …"), new EvidenceItem("output", "Step 1 …")), Ct);
        await Bus.Publish(new ContestForwarded(reportId, ContestIds.For(reportId, "hub-a", 1), "hub-a", 1, "Still answers", null,
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow), Ct);
        await Bus.Publish(new MaintainersMessagedHost(reportId, "hub-a", Guid.NewGuid(), "maintainer@example.org", "Any news?", DateTimeOffset.UtcNow), Ct);
        var answers = new List<string>
        {
            (await Notification.JsonAsync(HttpMethod.Post, $"/api/v1/host/reports/{reportId}/acknowledge", TestClients.HostA, new { note = "Seen" })).ToJsonString(),
            (await Notification.JsonAsync(HttpMethod.Post, $"/api/v1/host/reports/{reportId}/response", TestClients.HostA,
                new { action = "no_action", grounds = "Not a violation", automatedDecision = false, decisionGround = "incompatible_with_terms" })).ToJsonString(),
            (await Notification.JsonAsync(HttpMethod.Post, $"/api/v1/host/reports/{reportId}/messages", TestClients.HostA, new { text = "Looked" },
                HttpStatusCode.Created)).ToJsonString(),
        };
        foreach (var type in new[] { "report.updated", "report.contested", "report.message" })
        {
            await NotificationClient.WebhookAsync(receiver, type, reportId);
        }

        var report = await HostReportAsync(reportId, r => r["notice"] is JsonObject && r["contests"]!.AsArray().Count == 1);
        answers.Add(report.ToJsonString());
        answers.Add((await Notification.JsonAsync(HttpMethod.Get, "/api/v1/host/reports?limit=200", TestClients.HostA)).ToJsonString());
        answers.Add((await Notification.JsonAsync(HttpMethod.Get, $"/api/v1/host/reports/{reportId}/messages", TestClients.HostA)).ToJsonString());
        var deliveries = await Notification.JsonAsync(HttpMethod.Get, $"/api/v1/hosts/hub-a/deliveries?reportId={reportId}", TestClients.HostA);
        answers.Add(deliveries.ToJsonString());
        foreach (var delivery in deliveries["items"]!.AsArray())
        {
            answers.Add((await Notification.DeliveryAsync(Guid.Parse(delivery!["id"]!.GetValue<string>()), TestClients.HostA)).ToJsonString());
        }

        var everything = answers.Concat(receiver.Received.Select(r => r.Body)).ToList();
        Assert.Contains(everything, text => text.Contains("step-by-step", StringComparison.Ordinal));
        foreach (var contact in new[] { email, email.Split('@')[0], "Rita Reporter" })
        {
            Assert.DoesNotContain(everything, text => text.Contains(contact, StringComparison.OrdinalIgnoreCase));
        }
    }
}
