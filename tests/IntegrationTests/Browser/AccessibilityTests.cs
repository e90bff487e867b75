using static Microsoft.Playwright.Assertions;

namespace SafetyReports.IntegrationTests.Browser;

/// <summary>
/// axe-core finds no serious or critical violations on the public pages, in each state a reporter
/// meets them. The audit script is injected, so these tabs bypass the pages' CSP; the other browser
/// tests run under it.
/// </summary>
[Trait("Speed", "Slow")]
public class AccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_report_form_with_and_without_errors_and_the_receipt_pass_an_axe_audit()
    {
        await using var tab = await browser.NewPageAsync(bypassCsp: true);
        var page = tab.Page;
        await tab.GotoAsync("/");
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "the empty report form");

        await tab.FillAsync(new FormInput($"Audited {Guid.NewGuid():N}", Category: null, Email: "not-an-address", GoodFaith: false));
        await page.CheckAsync("#notify-by-email");
        await tab.SendAsync();
        await Expect(page.Locator(".error-summary li")).ToHaveCountAsync(4);
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "the report form with errors");

        await page.CheckAsync("#category-defamation");
        await page.FillAsync("#reporter-email", "rita@example.org");
        await page.CheckAsync("#notify-by-email");
        await page.CheckAsync("#good-faith");
        await tab.SendAsync();
        await tab.ReceiptAsync();
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "the receipt");

        await tab.GotoAsync("/about");
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "the help page");
    }

    [Fact]
    public async Task The_status_pages_pass_an_axe_audit()
    {
        await using var tab = await browser.NewPageAsync(bypassCsp: true);
        var page = tab.Page;
        await tab.GotoAsync("/");
        await tab.FillAsync(new FormInput($"Audited status {Guid.NewGuid():N}"));
        await tab.SendAsync();
        var (id, token) = await tab.ReceiptAsync();
        await IntakeApi.TransitionAsync(browser.System, id, "needs_info", "Which version did you use?");
        await IntakeApi.ReceiptStatusAsync(browser.System, id, token, "needs_info");

        await tab.GotoAsync("/status");
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "the status look-up form");

        await tab.PostAsync("#show-status", "/status");
        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "the status look-up form with errors");

        await page.FillAsync("#id", id.ToString());
        await page.FillAsync("#token", token);
        await tab.PostAsync("#show-status", "/status");
        await Expect(page.Locator("#reply-form")).ToBeVisibleAsync();
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "the status page with the answer form");

        await page.FillAsync("#message", "Version 2, downloaded last week.");
        await tab.PostAsync("#send-reply", "/status");
        await Expect(page.Locator("#reply-sent")).ToBeVisibleAsync();
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "the status page after answering");

        // The pages a reporter's mail links to (the links as Triage signs them).
        var links = browser.System.Get<SafetyReports.ServiceDefaults.Email.ReporterLinks>();
        await tab.GotoAsync("/" + SafetyReports.ServiceDefaults.Email.ReporterLinks.StatusLink(links.StatusToken(id, DateTimeOffset.UtcNow.AddDays(1))));
        await Expect(page.Locator("#report-status")).ToBeVisibleAsync();
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "the status page opened from a mail");

        await tab.GotoAsync("/" + SafetyReports.ServiceDefaults.Email.ReporterLinks.UnsubscribeLink(links.UnsubscribeToken(id)));
        await Expect(page.Locator("#unsubscribe-form")).ToBeVisibleAsync();
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "the unsubscribe page");
        await page.CheckAsync("#unsubscribe-erase");
        await tab.PostAsync("#unsubscribe-button", "/unsubscribe");
        await Expect(page.Locator("#unsubscribe-done")).ToBeVisibleAsync();
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "the unsubscribe page, done");
    }
}
