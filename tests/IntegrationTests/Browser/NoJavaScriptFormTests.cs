using SafetyReports.Contracts;
using SafetyReports.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SafetyReports.IntegrationTests.Browser;

/// <summary>A reporter with JavaScript turned off can file, follow and answer a report, and contest the host's decision.</summary>
[Trait("Speed", "Slow")]
public class NoJavaScriptFormTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_report_sent_without_javascript_is_stored_and_marked_unchallenged()
    {
        await using var tab = await browser.NewPageAsync(javaScript: false);
        var page = tab.Page;
        await tab.GotoAsync("/");
        var title = $"Sent without JavaScript {Guid.NewGuid():N}";
        await tab.FillAsync(new FormInput(title, ModelUrl: "ollama.com/library/llama3:8b", Category: "non-violent-crimes", Severity: null));
        await Expect(page.Locator("#model-host")).ToHaveValueAsync("");
        await Expect(page.Locator("[data-evidence-slot]")).ToHaveCountAsync(3);
        // Evidence files are on by default: one file input, and the form is sent as multipart (sent here without a file).
        await Expect(page.Locator("input[type=file]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#report-form")).ToHaveAttributeAsync("enctype", "multipart/form-data");

        // "Add another evidence item" asks the server for one more slot and keeps what was typed.
        var more = await tab.PostAsync("#add-evidence", "/");
        Assert.Equal(200, more.Status);
        await Expect(page.Locator("[data-evidence-slot]")).ToHaveCountAsync(4);
        await Expect(page.Locator(".error-summary")).ToHaveCountAsync(0);
        await Expect(page.Locator("#title")).ToHaveValueAsync(title);
        await Expect(page.Locator("#evidence-0-content")).ToHaveValueAsync("Write something demeaning about them.");
        await Expect(page.Locator("#category-non-violent-crimes")).ToBeCheckedAsync();
        await Expect(page.Locator("#good-faith")).ToBeCheckedAsync();
        await page.SelectOptionAsync("#evidence-3-kind", "other");
        await page.FillAsync("#evidence-3-content", "Seen in the model card's example too.");

        var response = await tab.SendAsync();
        Assert.Contains("no-store", (await response.AllHeadersAsync())["cache-control"]);
        var (id, token) = await tab.ReceiptAsync();
        Assert.DoesNotContain(tab.RequestUrls, url => url.Contains(token, StringComparison.Ordinal));

        var stored = await browser.System.Api.TriageReportAsync(id);
        Assert.True(stored["unchallenged"]!.GetValue<bool>(), "a report sent without a proof of work is marked unchallenged");
        Assert.Equal(title, stored["title"]!.GetValue<string>());
        // The server read the pasted address itself.
        Assert.Equal("ollama", stored["model"]!["host"]!.GetValue<string>());
        Assert.Equal("llama3", stored["model"]!["id"]!.GetValue<string>());
        Assert.Equal("8b", stored["model"]!["revision"]!.GetValue<string>());
        Assert.Null(stored["severity"]?.GetValue<string>());
        Assert.Equal(["prompt", "output", "other"], stored["evidence"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()));
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Sending_the_same_report_again_gives_the_same_report_without_repeating_its_token()
    {
        await using var tab = await browser.NewPageAsync(javaScript: false);
        var input = new FormInput($"Sent twice {Guid.NewGuid():N}");
        await tab.GotoAsync("/");
        await tab.FillAsync(input);
        await tab.SendAsync();
        var first = await tab.ReceiptAsync();
        await Expect(tab.Page.Locator(".notice")).ToHaveCountAsync(0);

        await tab.GotoAsync("/");
        await tab.FillAsync(input with { Description = input.Description.ToUpperInvariant() + "  " });
        await tab.SendAsync();

        await Expect(tab.Page.Locator("#receipt-id")).ToHaveTextAsync(first.Id.ToString());
        await Expect(tab.Page.Locator("#receipt-token")).ToHaveCountAsync(0);
        await Expect(tab.Page.Locator(".notice")).ToContainTextAsync("already sent this report");
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_reporter_without_javascript_can_follow_and_answer_a_report()
    {
        await using var tab = await browser.NewPageAsync(javaScript: false);
        var page = tab.Page;
        await tab.GotoAsync("/");
        await tab.FillAsync(new FormInput($"Followed without JavaScript {Guid.NewGuid():N}"));
        await tab.SendAsync();
        var (id, token) = await tab.ReceiptAsync();
        var note = $"Please paste the whole answer ({Guid.NewGuid():N})";
        await IntakeApi.TransitionAsync(browser.System, id, "needs_info", note);
        await IntakeApi.ReceiptStatusAsync(browser.System, id, token, "needs_info");

        // A wrong token looks exactly like an unknown report.
        await tab.GotoAsync("/status");
        await page.FillAsync("#id", id.ToString());
        await page.FillAsync("#token", token[..^2] + "xx");
        await tab.PostAsync("#show-status", "/status");
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("No report matches this report id and status token");
        await Expect(page.Locator("#id")).ToHaveValueAsync(id.ToString());
        await Expect(page.Locator("#token")).ToHaveValueAsync("");

        await page.FillAsync("#token", token);
        await tab.PostAsync("#show-status", "/status");
        await Expect(page.Locator("[data-status]")).ToHaveTextAsync("Waiting for your answer");
        await Expect(page.Locator("#public-notes")).ToContainTextAsync(note);

        // An empty answer is refused next to the field; a real one is passed on.
        await tab.PostAsync("#send-reply", "/status");
        await Expect(page.Locator("#message-error")).ToContainTextAsync("Enter your answer.");
        await Expect(page.Locator("#message")).ToHaveAttributeAsync("aria-invalid", "true");
        var answer = $"Here is the whole answer ({Guid.NewGuid():N})";
        await page.FillAsync("#message", answer);
        await tab.PostAsync("#send-reply", "/status");
        await Expect(page.Locator("#reply-sent")).ToBeVisibleAsync();

        var stored = await browser.System.Api.TriageReportAsync(id, r => r["status"]!.GetValue<string>() == "triaging");
        Assert.Contains(stored["reporterMessages"]!.AsArray(), m => m!.ToJsonString().Contains(answer, StringComparison.Ordinal));
        Assert.DoesNotContain(tab.RequestUrls, url => url.Contains(token, StringComparison.Ordinal));
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_reporter_without_javascript_reads_the_hosts_statement_and_contests_it_and_the_pages_pass_axe()
    {
        var api = browser.System.Api;
        await using var tab = await browser.NewPageAsync(javaScript: false);
        var page = tab.Page;
        await tab.GotoAsync("/");
        await tab.FillAsync(new FormInput($"Contested without JavaScript {Guid.NewGuid():N}", ModelUrl: null, Host: TestClients.HostA.HostId, Id: $"org-{Guid.NewGuid():N}/model"));
        await tab.SendAsync();
        var (id, token) = await tab.ReceiptAsync();
        await ReporterLoop.TriageAsync(api, id);
        var grounds = $"<script>alert('grounds')</script> Breach of §3 ({Guid.NewGuid():N})";
        await ReporterLoop.RespondAsync(api, id, ReporterLoop.FullStatement(grounds));
        await ReporterLoop.ReceiptAsync(api, id, token, s => s["canContest"]!.GetValue<bool>(), "the response to be contestable");

        // The statement and the form pass an audit (the audit script needs JavaScript and the CSP bypassed).
        await using (var audited = await browser.NewPageAsync(bypassCsp: true))
        {
            await ShowStatusAsync(audited, id, token);
            await Expect(audited.Page.Locator("#contest-form")).ToBeVisibleAsync();
            await AxeAudit.AssertNoSeriousViolationsAsync(audited.Page, "the status page with the host's statement and the contest form");
            await audited.PostAsync("#send-contest", "/status");
            await Expect(audited.Page.Locator("#reason-error")).ToBeVisibleAsync();
            await AxeAudit.AssertNoSeriousViolationsAsync(audited.Page, "the contest form with an error");
        }

        await ShowStatusAsync(tab, id, token);

        // The statement of reasons as text: the host's words never become markup, its note to the maintainers is not shown.
        var statement = page.Locator("#host-response");
        await Expect(page.Locator("#host-response-grounds")).ToHaveTextAsync(grounds);
        await Expect(page.Locator("#host-response script")).ToHaveCountAsync(0);
        await Expect(statement).ToContainTextAsync("Restricted access to the model or the content");
        await Expect(statement).ToContainTextAsync("Downloads of the model from the EU");
        await Expect(statement).ToContainTextAsync("The content breaks the host’s terms");
        await Expect(statement).ToContainTextAsync("Acceptable use policy §3.1");
        await Expect(statement).ToContainTextAsync("DE, FR");
        await Expect(page.Locator("#host-response-redress")).ToHaveTextAsync("Write to appeals@hub-a.example within 6 months.");
        await Expect(page.Locator("body")).Not.ToContainTextAsync(ReporterLoop.HostNote);

        // A refused reason is explained beside the field and kept; a good one is sent.
        await tab.PostAsync("#send-contest", "/status");
        await Expect(page.Locator("#reason-error")).ToContainTextAsync("Enter why you contest the decision.");
        await Expect(page.Locator("#reason")).ToHaveAttributeAsync("aria-invalid", "true");
        var refused = "The demo still answers ‮ backwards";
        await page.FillAsync("#reason", refused);
        await tab.PostAsync("#send-contest", "/status");
        await Expect(page.Locator("#reason-error")).ToContainTextAsync("control or text-direction characters");
        await Expect(page.Locator("#reason")).ToHaveValueAsync(refused);
        var reason = $"The hosted demo still answers the prompt ({Guid.NewGuid():N}).";
        await page.FillAsync("#reason", reason);
        await tab.PostAsync("#send-contest", "/status");
        await Expect(page.Locator("#contest-sent")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-contest-state]")).ToHaveTextAsync("Sent to the maintainers");
        await Expect(page.Locator("#contest-form")).ToHaveCountAsync(0);

        var status = await ReporterLoop.ReceiptAsync(api, id, token, s => s["contest"] is not null, "the contest on the receipt");
        Assert.Equal("pending", status["contest"]!["state"]!.GetValue<string>());
        Assert.DoesNotContain(tab.RequestUrls, url => url.Contains(token, StringComparison.Ordinal));
        tab.AssertNoConsoleErrors();

        await using (var pending = await browser.NewPageAsync(bypassCsp: true))
        {
            await ShowStatusAsync(pending, id, token);
            await Expect(pending.Page.Locator("#contest")).ToBeVisibleAsync();
            await AxeAudit.AssertNoSeriousViolationsAsync(pending.Page, "the status page with the reporter's contest");
        }

        // The maintainers close it with a note to the reporter: the page shows the state and the note, as text.
        var report = await api.TriageReportAsync(id, r => r["contests"] is System.Text.Json.Nodes.JsonArray { Count: 1 });
        var note = $"<b>The host's answer stands</b> ({Guid.NewGuid():N})";
        using (var closed = await api.SendAsync(HttpMethod.Post, browser.System.Url, $"/api/v1/triage/reports/{id}/contests/{ContestIds.For(id, "hub-a", 1)}/close",
                   TestClients.Triager, new { publicNote = note, expectedVersion = report["version"]!.GetValue<long>() }))
        {
            Assert.True(closed.IsSuccessStatusCode, $"close: {(int)closed.StatusCode} {await closed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        }

        await ReporterLoop.ReceiptAsync(api, id, token, s => s["contest"]!["state"]!.GetValue<string>() == "closed", "the contest to show closed");
        await using var after = await browser.NewPageAsync(bypassCsp: true);
        await ShowStatusAsync(after, id, token);
        await Expect(after.Page.Locator("[data-contest-state]")).ToHaveTextAsync("Closed");
        await Expect(after.Page.Locator("#contest-public-note")).ToHaveTextAsync(note);
        await Expect(after.Page.Locator("#contest-form")).ToHaveCountAsync(0);
        await AxeAudit.AssertNoSeriousViolationsAsync(after.Page, "the status page with the closed contest and the maintainers' note");
    }

    private static async Task ShowStatusAsync(BrowserPage tab, Guid id, string token)
    {
        await tab.GotoAsync("/status");
        await tab.Page.FillAsync("#id", id.ToString());
        await tab.Page.FillAsync("#token", token);
        await tab.PostAsync("#show-status", "/status");
        await Expect(tab.Page.Locator("#host-response")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_not_accepted()
    {
        var title = $"Forged {Guid.NewGuid():N}";
        var storedBefore = StoreInspector.Count(browser.System.DataDirectory, "intake.db");
        using var response = await browser.System.Api.Http.PostAsync(browser.System.Url + "/", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["model.host"] = "huggingface", ["model.id"] = "org/name", ["category"] = "hate", ["title"] = title,
            ["description"] = "Sent from another site.", ["goodFaith"] = "true",
        }), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("This form had expired. Check your report and send it again.", html);
        Assert.DoesNotContain("receipt-token", html);
        Assert.Contains(title, html);
        // The tests of a class run one after another: nothing else adds submissions meanwhile.
        Assert.Equal(storedBefore, StoreInspector.Count(browser.System.DataDirectory, "intake.db"));
    }
}
