using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.IntegrationTests.Notification;
using static Microsoft.Playwright.Assertions;

namespace SafetyReports.IntegrationTests.Browser;

/// <summary>
/// The loop between the maintainers and a model host in the portal, in a real browser (without JavaScript, except where
/// hostile text from the other side is shown: there a script would run if it could get in): a maintainer
/// triages sharing only part of a report, the host user reads exactly that in their inbox, acknowledges, responds with
/// a full statement of reasons and writes on the thread; the maintainer answers and changes what is shared; a reporter's
/// contest is forwarded to the host and closed. A host user sees their own host only and none of the maintainers' pages.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class HostInboxTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Password = "host user passphrase, long enough";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private SystemUnderTest Api => portal.System.Api;

    [Fact]
    public async Task A_maintainer_shares_part_of_a_report_and_the_host_user_sees_exactly_that_acknowledges_responds_and_writes()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var hostId = $"hub-{suffix}";
        var reporterEmail = $"rita-{suffix}@example.org";
        var hostUser = $"trust-{suffix}@hub.example";
        await new NotificationClient(Api).EnsureHostAsync(hostId);
        await portal.CreateHostUserAsync(hostUser, Password, hostId);
        var title = $"Shared in part {suffix}";
        var (id, _) = await portal.SubmitForHostAsync(hostId, title, reporterEmail);

        // The maintainer triages, sharing the description and evidence items 1 and 3, with a note; item 2 stays private.
        await using var maintainer = await portal.SignedInAsync(PortalFixture.AdminEmail, PortalFixture.AdminPassword);
        var desk = maintainer.Page;
        await desk.GotoAsync($"/portal/reports/{id}");
        foreach (var i in new[] { 0, 1, 2 })
        {
            await Expect(desk.Locator($"#transition-triaged-shareEvidence-{i}")).ToBeCheckedAsync();
        }

        await Expect(desk.Locator("#transition-triaged-shareDescription")).ToBeCheckedAsync();
        await desk.Locator("#transition-triaged-shareEvidence-1").SetCheckedAsync(false);
        // Text from the other side is hostile by default: it renders as text on both sides.
        await desk.FillAsync("#transition-triaged-noteToHost", "Please look at the shared output first. <img src=x onerror=alert('note')>");
        await desk.SelectOptionAsync("#transition-triaged-severity", "high");
        await desk.ClickAsync("#move-triaged");
        await Expect(desk.Locator("#report-status")).ToHaveAttributeAsync("data-status", "triaged");
        await Expect(desk.Locator("#notice-evidence li")).ToHaveCountAsync(2);
        await Expect(desk.Locator("#notice-evidence-1")).ToHaveCountAsync(0);
        await Expect(desk.Locator("#notice-note")).ToContainTextAsync("Please look at the shared output first.");

        // The host user signs in at /portal and lands in their inbox.
        await using var host = await portal.SignedInAsync(hostUser, Password);
        var inbox = host.Page;
        var dialogs = new List<string>();
        foreach (var tab in new[] { desk, inbox })
        {
            tab.Dialog += (_, dialog) =>
            {
                dialogs.Add(dialog.Message);
                _ = dialog.DismissAsync();
            };
        }

        await Expect(inbox).ToHaveURLAsync(new Regex("/portal/host$"));
        await ReloadUntilAsync(inbox, $"#notice-{id}", "the notice in the inbox");
        await Expect(inbox.Locator($"#notice-{id}")).ToContainTextAsync(title);
        await Expect(inbox.Locator($"#notice-{id}-acknowledged")).ToContainTextAsync("not yet");

        // Exactly what was shared: the description, items 1 and 3, the note, the model's link; never the reporter.
        await inbox.ClickAsync($"#notice-{id} a");
        await ReloadUntilAsync(inbox, "#notice-description", "the notice's content");
        await Expect(inbox.Locator("#notice-description")).ToContainTextAsync($"Description of {title}");
        await Expect(inbox.Locator("#notice-evidence li")).ToHaveCountAsync(2);
        await Expect(inbox.Locator("#notice-evidence")).ToContainTextAsync($"Prompt of {title}");
        await Expect(inbox.Locator("#notice-evidence")).ToContainTextAsync($"Shared output of {title}");
        await Expect(inbox.Locator("#notice-note")).ToContainTextAsync("Please look at the shared output first. <img src=x onerror=alert('note')>");
        Assert.Equal(0, await inbox.Locator("main img, main script").CountAsync());
        await Expect(inbox.Locator("#notice-received-on")).ToHaveTextAsync(new Regex(@"^\d{4}-\d{2}-\d{2}$"));
        var html = await inbox.ContentAsync();
        Assert.DoesNotContain($"Private output of {title}", html);
        Assert.DoesNotContain(reporterEmail, html);
        Assert.DoesNotContain("Rita Reporter", html);

        // Acknowledge, with a note.
        await inbox.FillAsync("#acknowledge-note", "Looking into it.");
        await inbox.ClickAsync("#acknowledge");
        await Expect(inbox.Locator("#page-notice")).ToBeVisibleAsync();
        await Expect(inbox.Locator("#acknowledged")).ToBeVisibleAsync();
        await Api.TriageReportAsync(id, r => r["acknowledgedAt"] is not null, Patience);

        // A statement of reasons the form refuses keeps what was typed and says which field is wrong.
        await inbox.SelectOptionAsync("#statement-action", "restricted");
        await inbox.FillAsync("#statement-scope", "The prompt pattern is blocked for this model.");
        await inbox.FillAsync("#statement-grounds", "It produced targeted harassment.");
        await inbox.CheckAsync("#statement-automatedDecision-no");
        await inbox.CheckAsync("#statement-decisionGround-incompatible_with_terms");
        await inbox.FillAsync("#statement-legalGround", "Section 130 StGB");
        await inbox.ClickAsync("#respond");
        await Expect(inbox.Locator("#statement-legalGround-error")).ToBeVisibleAsync();
        await Expect(inbox.Locator("#statement-grounds")).ToHaveValueAsync("It produced targeted harassment.");
        await Expect(inbox.Locator("#statement-none")).ToBeVisibleAsync();

        // The full statement, every DSA field.
        var until = DateTimeOffset.UtcNow.AddDays(30);
        await inbox.CheckAsync("#statement-decisionGround-illegal_content");
        await inbox.FillAsync("#statement-until", until.UtcDateTime.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await inbox.FillAsync("#statement-territorialScope", "de, at");
        await inbox.CheckAsync("#statement-automatedDetection-yes");
        await inbox.FillAsync("#statement-redress", "Appeal at https://hub.example/appeal within 14 days.");
        await inbox.FillAsync("#statement-note", "Internal ticket T-1234.");
        await inbox.ClickAsync("#respond");
        await Expect(inbox.Locator("#page-notice")).ToBeVisibleAsync();
        await Expect(inbox.Locator("#host-response-decisionGround")).ToHaveTextAsync("Illegal content");
        // Notification keeps the codes in order.
        await Expect(inbox.Locator("#host-response-territorialScope")).ToHaveTextAsync("AT, DE");
        var responded = await Api.TriageReportAsync(id, r => r["hostResponse"] is not null, Patience);
        var statement = responded["hostResponse"]!;
        Assert.Equal("restricted", statement["action"]!.GetValue<string>());
        Assert.Equal("illegal_content", statement["decisionGround"]!.GetValue<string>());
        Assert.Equal("Section 130 StGB", statement["legalGround"]!.GetValue<string>());
        Assert.Equal(["AT", "DE"], statement["territorialScope"]!.AsArray().Select(c => c!.GetValue<string>()).Order());
        Assert.True(statement["automatedDetection"]!.GetValue<bool>());
        Assert.False(statement["automatedDecision"]!.GetValue<bool>());
        Assert.Equal("Appeal at https://hub.example/appeal within 14 days.", statement["redress"]!.GetValue<string>());

        // The public log's leaves of the acknowledgement and the response reach the page (no webhook was delivered: not notified).
        await ReloadUntilAsync(inbox, "#log-leaf-responded[data-leaf]", "the response's leaf in the public log");
        await Expect(inbox.Locator("#log-leaf-acknowledged")).ToHaveAttributeAsync("data-leaf", new Regex(@"^\d+$"));
        await Expect(inbox.Locator("#log-leaf-responded")).ToContainTextAsync(new Regex(@"responded: leaf \d+"));
        await Expect(inbox.Locator("#log-leaf-notified")).ToContainTextAsync("not yet");
        await Expect(inbox.Locator("#log-leaf-notified[data-leaf]")).ToHaveCountAsync(0);

        // The host writes on the thread; the maintainer reads it on the report page and answers.
        await inbox.FillAsync("#message-text", "<script>alert('host')</script> Which model revision did the reporter use?");
        await inbox.ClickAsync("#send-message");
        await Expect(inbox.Locator("#thread li[data-from=host]")).ToContainTextAsync("Which model revision did the reporter use?");
        await ReloadUntilAsync(desk, "#thread li[data-from=host]", "the host's message on the report page");
        await Expect(desk.Locator("#thread li[data-from=host]")).ToContainTextAsync("<script>alert('host')</script>");
        Assert.Equal(0, await desk.Locator("main img, main script").CountAsync());
        await desk.FillAsync("#host-message-text", "Revision v3, as in the notice.");
        await desk.ClickAsync("#send-host-message");
        await Expect(desk.Locator("#thread li[data-from=maintainers]")).ToContainTextAsync(PortalFixture.AdminEmail);
        await ReloadUntilAsync(inbox, "#thread li[data-from=maintainers]", "the maintainers' answer in the inbox");
        await Expect(inbox.Locator("#thread li[data-from=maintainers]")).ToContainTextAsync("Revision v3, as in the notice.");
        Assert.DoesNotContain(PortalFixture.AdminEmail, await inbox.Locator("#thread").InnerTextAsync());

        // The maintainer stops sharing the description: the host's notice follows.
        await desk.GotoAsync($"/portal/reports/{id}");
        await desk.ClickAsync("#notice-details > summary");
        await desk.Locator("#notice-shareDescription").SetCheckedAsync(false);
        await desk.ClickAsync("#save-notice");
        await Expect(desk.Locator("#page-notice")).ToBeVisibleAsync();
        await Expect(desk.Locator("#notice-description-none")).ToBeVisibleAsync();
        await ReloadUntilAsync(inbox, "#notice-description-none", "the changed notice in the inbox");
        await Expect(inbox.Locator("#notice-revision")).ToHaveTextAsync(new Regex("^2 ·"));
        await Expect(inbox.Locator("#notice-evidence li")).ToHaveCountAsync(2);

        Assert.Empty(dialogs);
        maintainer.AssertNoConsoleErrors();
        host.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_host_user_sees_only_their_hosts_notices_and_none_of_the_maintainers_pages()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var (mine, other) = ($"own-{suffix}", $"other-{suffix}");
        var notification = new NotificationClient(Api);
        await notification.EnsureHostAsync(mine);
        await notification.EnsureHostAsync(other);
        var hostUser = $"inbox-{suffix}@hub.example";
        await portal.CreateHostUserAsync(hostUser, Password, mine);
        var (own, _) = await portal.SubmitForHostAsync(mine, $"Own notice {suffix}", $"a-{suffix}@example.org");
        var (foreign, _) = await portal.SubmitForHostAsync(other, $"Foreign notice {suffix}", $"b-{suffix}@example.org");
        await TriageAsync(own);
        await TriageAsync(foreign);

        await using var host = await portal.SignedInAsync(hostUser, Password, javaScript: false);
        var page = host.Page;
        await ReloadUntilAsync(page, $"#notice-{own}", "the host's own notice");
        await Expect(page.Locator($"#notice-{foreign}")).ToHaveCountAsync(0);
        await Expect(page.Locator("#inbox-table")).Not.ToContainTextAsync($"Foreign notice {suffix}");

        // Another host's report does not exist for this user; the maintainers' pages are forbidden.
        Assert.Equal(HttpStatusCode.NotFound, await PortalFixture.StatusOfAsync(page, $"/portal/host/reports/{foreign}"));
        Assert.DoesNotContain($"Foreign notice {suffix}", await page.ContentAsync());
        foreach (var path in new[] { $"/portal/reports/{own}", "/portal/dashboard", "/portal/admin/users", "/portal/admin/hosts", $"/portal/admin/hosts/{mine}" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, await PortalFixture.StatusOfAsync(page, path));
        }

        // The front page is the inbox; the navigation offers only the host's pages.
        await page.GotoAsync("/portal");
        await Expect(page).ToHaveURLAsync(new Regex("/portal/host$"));
        await Expect(page.Locator("#nav-dashboard")).ToHaveCountAsync(0);
        await Expect(page.Locator("#nav-subscriptions")).ToBeVisibleAsync();

        // And a maintainer gets the Forbidden page on the host inbox.
        await using var maintainer = await portal.SignedInAsync(PortalFixture.AdminEmail, PortalFixture.AdminPassword, javaScript: false);
        Assert.Equal(HttpStatusCode.Forbidden, await PortalFixture.StatusOfAsync(maintainer.Page, "/portal/host"));
        Assert.Equal(HttpStatusCode.Forbidden, await PortalFixture.StatusOfAsync(maintainer.Page, $"/portal/host/reports/{own}"));
    }

    [Fact]
    public async Task A_host_user_manages_their_webhooks_sees_the_deliveries_and_replays_one()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var hostId = $"hooks-{suffix}";
        await new NotificationClient(Api).EnsureHostAsync(hostId);
        var hostUser = $"hooks-{suffix}@hub.example";
        await portal.CreateHostUserAsync(hostUser, Password, hostId);
        await using var receiver = await WebhookReceiver.StartAsync();

        await using var host = await portal.SignedInAsync(hostUser, Password, javaScript: false);
        var page = host.Page;
        await page.ClickAsync("#nav-subscriptions");
        await Expect(page.Locator("#subscriptions-empty")).ToBeVisibleAsync();

        // Create: the secret is shown once.
        await page.FillAsync("#url", receiver.BaseUrl + "/hooks");
        await page.Locator("#event-report-triaged").SetCheckedAsync(true);
        await page.Locator("#event-report-message").SetCheckedAsync(true);
        await page.ClickAsync("#create-subscription");
        await Expect(page.Locator("#secret-value")).ToContainTextAsync("whsec_");
        var created = await page.Locator("#secret-value").InnerTextAsync();
        var subscriptionId = Guid.Parse(await page.Locator("#secret-subscription-id").InnerTextAsync());
        await page.GotoAsync("/portal/host/subscriptions");
        await Expect(page.Locator("#secret-value")).ToHaveCountAsync(0);

        // Edit the model patterns.
        await page.ClickAsync($"#edit-{subscriptionId}-details > summary");
        await page.FillAsync($"#edit-{subscriptionId}-modelPatterns", "org/*");
        await page.ClickAsync($"#edit-{subscriptionId}-save");
        await Expect(page.Locator("#page-notice")).ToBeVisibleAsync();
        await Expect(page.Locator($"#subscription-{subscriptionId}")).ToContainTextAsync("org/*");

        // Rotate: a new secret, shown once.
        await page.ClickAsync($"#rotate-{subscriptionId} button");
        await Expect(page.Locator("#secret-value")).ToContainTextAsync("whsec_");
        Assert.NotEqual(created, await page.Locator("#secret-value").InnerTextAsync());

        // Test-send: the receiver gets it, the delivery log shows it, and it can be replayed.
        await page.GotoAsync("/portal/host/subscriptions");
        await page.ClickAsync($"#test-{subscriptionId} button");
        await Expect(page.Locator("#page-notice")).ToBeVisibleAsync();
        await receiver.NextAsync(w => w.Body.Contains("webhook.test"), Patience);
        await page.ClickAsync($"#deliveries-{subscriptionId}");
        await Expect(page).ToHaveURLAsync(new Regex($"/portal/host/deliveries\\?subscriptionId={subscriptionId}$"));
        await ReloadUntilAsync(page, "#deliveries-table tbody tr", "the test delivery in the log");
        await Expect(page.Locator("#deliveries-table")).ToContainTextAsync("webhook.test");
        await page.Locator("#deliveries-table form button").First.ClickAsync();
        await Expect(page.Locator("#page-notice")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"subscriptionId={subscriptionId}"));
        host.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_reporters_contest_is_marked_in_the_queue_forwarded_to_the_host_and_closed()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var hostId = $"contest-{suffix}";
        await new NotificationClient(Api).EnsureHostAsync(hostId);
        var hostUser = $"contest-{suffix}@hub.example";
        await portal.CreateHostUserAsync(hostUser, Password, hostId);
        var (id, token) = await portal.SubmitForHostAsync(hostId, $"Contested {suffix}", $"c-{suffix}@example.org");
        await TriageAsync(id);

        // The host responds through its inbox; the reporter contests through Intake's API.
        await using var host = await portal.SignedInAsync(hostUser, Password, javaScript: false);
        var inbox = host.Page;
        await inbox.GotoAsync($"/portal/host/reports/{id}");
        await ReloadUntilAsync(inbox, "#statement-form", "the notice page");
        await inbox.SelectOptionAsync("#statement-action", "no_action");
        await inbox.FillAsync("#statement-grounds", "The output is within our terms.");
        await inbox.CheckAsync("#statement-automatedDecision-no");
        await inbox.ClickAsync("#respond");
        await Expect(inbox.Locator("#host-response")).ToBeVisibleAsync();
        await IntakeApi.ReceiptStatusAsync(portal.System, id, token, r => r["canContest"]?.GetValue<bool>() == true);
        using (var request = new HttpRequestMessage(HttpMethod.Post, $"{portal.System.Url}/api/v1/reports/{id}/contest"))
        {
            request.Headers.Add("X-Report-Token", token);
            request.Content = JsonContent("""{"reason":"The output named a real person. My e-mail is c@example.org."}""");
            using var contested = await Api.Http.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Accepted, contested.StatusCode);
        }

        var report = await Api.TriageReportAsync(id, r => r["contestOpen"]?.GetValue<bool>() == true, Patience);
        var contestId = report["contests"]![0]!["id"]!.GetValue<string>();

        // The queue marks it and filters on it.
        await using var maintainer = await portal.SignedInAsync(PortalFixture.AdminEmail, PortalFixture.AdminPassword, javaScript: false);
        var desk = maintainer.Page;
        await desk.GotoAsync("/portal?contested=true");
        await Expect(desk.Locator($"#contested-{id}")).ToBeVisibleAsync();
        await Expect(desk.Locator("#contested")).ToBeCheckedAsync();

        // Forward with the reason shortened (the reporter's address removed) and a note.
        await desk.GotoAsync($"/portal/reports/{id}");
        await Expect(desk.Locator($"#contest-{contestId}-state")).ToHaveTextAsync("open");
        await desk.FillAsync($"#forward-{contestId}-reason", "The output named a real person.");
        await desk.FillAsync($"#forward-{contestId}-note", "Please check again.");
        await desk.ClickAsync($"#forward-{contestId}-submit");
        await Expect(desk.Locator($"#contest-{contestId}-state")).ToHaveTextAsync("forwarded");
        await ReloadUntilAsync(inbox, $"#contest-{contestId}", "the forwarded contest in the inbox");
        await Expect(inbox.Locator($"#contest-{contestId}-reason")).ToHaveTextAsync("The output named a real person.");
        await Expect(inbox.Locator($"#contest-{contestId}-note")).ToHaveTextAsync("Please check again.");
        Assert.DoesNotContain("c@example.org", await inbox.ContentAsync());

        // Closing needs a note for the reporter (only spaces pass the browser's own check, not the portal's).
        await desk.FillAsync($"#close-{contestId}-publicNote", "   ");
        await desk.ClickAsync($"#close-{contestId}-submit");
        await Expect(desk.Locator($"#close-{contestId}-publicNote-error")).ToBeVisibleAsync();
        await desk.FillAsync($"#close-{contestId}-publicNote", "The host reviewed it again and kept its decision.");
        await desk.ClickAsync($"#close-{contestId}-submit");
        await Expect(desk.Locator($"#contest-{contestId}-state")).ToHaveTextAsync("closed");
        await desk.GotoAsync("/portal?contested=true");
        await Expect(desk.Locator($"#contested-{id}")).ToHaveCountAsync(0);
    }

    private async Task TriageAsync(Guid id)
    {
        var report = await Api.TriageReportAsync(id);
        using var triaged = await Api.SendAsync(HttpMethod.Post, portal.System.Url, $"/api/v1/triage/reports/{id}/transitions",
            TestClients.Triager, new { to = "triaged", severity = "high", expectedVersion = report["version"]!.GetValue<long>() });
        Assert.Equal(HttpStatusCode.OK, triaged.StatusCode);
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    /// <summary>Notification and Triage hear of a change through the bus: reload until the page shows it.</summary>
    private static Task ReloadUntilAsync(IPage page, string selector, string what) =>
        Eventually.UntilAsync(async () =>
        {
            await page.ReloadAsync();
            return await page.Locator(selector).CountAsync() > 0;
        }, Patience, what);
}
