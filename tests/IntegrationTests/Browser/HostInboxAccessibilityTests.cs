using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.IntegrationTests.Notification;
using static Microsoft.Playwright.Assertions;

namespace SafetyReports.IntegrationTests.Browser;

/// <summary>
/// axe-core finds no serious or critical violations on the host inbox's pages and on the maintainers' forms of the loop
/// (what the host receives, the thread), each in the state people meet them: with content, and with field errors.
/// The audit script is injected, so these tabs bypass the pages' CSP.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class HostInboxAccessibilityTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Password = "host user passphrase, long enough";

    [Fact]
    public async Task The_host_inbox_and_the_maintainers_notice_and_thread_pass_an_axe_audit()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var hostId = $"axe-{suffix}";
        await using var receiver = await WebhookReceiver.StartAsync();
        var notification = new NotificationClient(portal.System.Api);
        await notification.EnsureHostAsync(hostId);
        var subscription = await notification.SubscribeAsync(TestClients.Admin, hostId, receiver.BaseUrl + "/hooks");
        await notification.SendTestAsync(subscription.Id);
        var hostUser = $"axe-{suffix}@hub.example";
        await portal.CreateHostUserAsync(hostUser, Password, hostId);
        var (id, _) = await portal.SubmitForHostAsync(hostId, $"Audited notice {suffix}", $"axe-{suffix}@example.org");

        await using var maintainer = await portal.SignedInAsync(PortalFixture.AdminEmail, PortalFixture.AdminPassword, bypassCsp: true);
        var desk = maintainer.Page;
        await desk.GotoAsync($"/portal/reports/{id}");
        await AxeAudit.AssertNoSeriousViolationsAsync(desk, "the report page with the triage form and what the host receives");
        await desk.SelectOptionAsync("#transition-triaged-severity", "high");
        await desk.ClickAsync("#move-triaged");
        await Expect(desk.Locator("#notice-form")).ToHaveCountAsync(1);
        await desk.ClickAsync("#notice-details > summary");
        // Only spaces: the browser's own check lets it through, the portal's does not.
        await desk.FillAsync("#host-message-text", "   ");
        await desk.ClickAsync("#send-host-message");
        await Expect(desk.Locator("#host-message-text-error")).ToBeVisibleAsync();
        await AxeAudit.AssertNoSeriousViolationsAsync(desk, "the report page with the notice, the thread and a required message left empty");
        await desk.GotoAsync("/portal/admin/users");
        await AxeAudit.AssertNoSeriousViolationsAsync(desk, "the Users page with the host id field");
        await desk.GotoAsync("/portal?contested=true");
        await AxeAudit.AssertNoSeriousViolationsAsync(desk, "the queue filtered to contested reports");

        await using var host = await portal.SignedInAsync(hostUser, Password, bypassCsp: true);
        var page = host.Page;
        await Eventually.UntilAsync(async () =>
        {
            await page.GotoAsync($"/portal/host/reports/{id}");
            return await page.Locator("#notice-description").CountAsync() > 0;
        }, TimeSpan.FromSeconds(30), "the notice to reach the host");
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "the notice page");

        // A statement the form refuses: its field errors beside the fields.
        await page.SelectOptionAsync("#statement-action", "removed");
        await page.FillAsync("#statement-grounds", "Against our terms.");
        await page.CheckAsync("#statement-automatedDecision-yes");
        await page.ClickAsync("#respond");
        await Expect(page.Locator("#statement-scope-error")).ToBeVisibleAsync();
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "the notice page with a refused statement");

        await page.FillAsync("#statement-scope", "The output pattern is blocked.");
        await page.ClickAsync("#respond");
        await page.FillAsync("#message-text", "Thank you, we are on it.");
        await page.ClickAsync("#send-message");
        await Expect(page.Locator("#thread li")).ToHaveCountAsync(1);
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "the notice page with a statement and a message");

        foreach (var (path, what) in new[] { ("/portal/host", "the inbox"), ("/portal/host/subscriptions", "the webhooks page"), ("/portal/host/deliveries", "the delivery log") })
        {
            await page.GotoAsync(path);
            await AxeAudit.AssertNoSeriousViolationsAsync(page, what);
        }
    }
}
