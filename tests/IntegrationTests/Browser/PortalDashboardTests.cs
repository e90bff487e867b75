using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.IntegrationTests.Notification;
using static Microsoft.Playwright.Assertions;

namespace SafetyReports.IntegrationTests.Browser;

/// <summary>A triager opens the dashboard, without JavaScript, and finds what needs attention first.</summary>
[Trait("Speed", "Slow")]
public sealed class PortalDashboardTests(DashboardFixture portal) : IClassFixture<DashboardFixture>
{
    private const string Password = "triager passphrase, long enough";

    private SystemUnderTest Api => portal.System.Api;

    [Fact]
    public async Task A_triager_sees_the_sla_breach_the_silent_host_the_oldest_open_reports_and_the_report_waiting_on_its_reporter()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        // Received first, then rejected: the oldest report, but not open.
        var closed = await portal.SubmitAsync($"Closed {suffix}", "Spam.", severity: "low");
        await MoveAsync(closed, new { to = "rejected", note = "spam" });
        var breach = await portal.SubmitAsync($"Breach {suffix}", "Past its one-second SLA.", severity: "critical");
        var waiting = await portal.SubmitAsync($"Waiting {suffix}", "Needs the reporter.", severity: "low");
        await MoveAsync(waiting, new { to = "needs_info", publicNote = "Which revision of the model was it?" });

        // A host whose webhook reaches it and who never acknowledges.
        await using var receiver = await WebhookReceiver.StartAsync();
        var notification = new NotificationClient(Api);
        var hostId = $"silent-{suffix}";
        await notification.EnsureHostAsync(hostId);
        await notification.SubscribeAsync(TestClients.Admin, hostId, receiver.BaseUrl + "/hooks");
        var (notified, _) = await Api.SubmitAsync(SystemUnderTest.Report(hostId, "org/model", $"Notified {suffix}"));
        await Api.TriageReportAsync(notified);
        await MoveAsync(notified, new { to = "triaged", severity = "high" });
        await receiver.NextAsync(w => w.Body.Contains(notified.ToString()), TimeSpan.FromSeconds(30));
        await Api.TriageReportAsync(notified, r => r["status"]!.GetValue<string>() == "host_notified");
        await Api.TriageReportAsync(breach, r => r["overdue"]!.GetValue<bool>());

        var triager = $"triager-{suffix}@example.org";
        await portal.CreateUserAsync(triager, Password, "triager");
        await using var tab = await portal.SignedInAsync(triager, Password, javaScript: false);
        var page = tab.Page;
        await page.ClickAsync("#nav-dashboard");
        await Expect(page).ToHaveURLAsync(new Regex("/portal/dashboard$"));
        await Expect(page.Locator("#page-errors")).ToHaveCountAsync(0);

        // The class's other test may have added reports: the counts are the API's, whatever they are.
        var overdueCount = await TotalAsync("?overdue=true");
        var counts = await SystemUnderTest.JsonAsync(await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, "/api/v1/triage/reports/counts", TestClients.Triager));
        long Count(string status) => counts["counts"]![status]!.GetValue<long>();
        var openCount = counts["total"]!.GetValue<long>() - Count("resolved") - Count("rejected") - Count("duplicate");

        // SLA breaches: the critical report, not the others.
        await Expect(page.Locator("#sla-breaches-count")).ToHaveTextAsync(overdueCount.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator($"#breach-{breach}")).ToContainTextAsync("Overdue by");
        await Expect(page.Locator($"#breach-{waiting}")).ToHaveCountAsync(0);
        await Expect(page.Locator($"#breach-{notified}")).ToHaveCountAsync(0);

        // The host that was notified and never acknowledged, with a link to its reports waiting on it.
        var host = page.Locator($"#silent-hosts-table tr[data-host='{hostId}']");
        await Expect(host).ToContainTextAsync("never acknowledged");
        await Expect(host.Locator("td").First).ToHaveTextAsync("1");

        // Oldest open: the open reports oldest first, not the rejected one, though it is older.
        await Expect(page.Locator("#oldest-open-count")).ToHaveTextAsync(openCount.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator($"#open-{notified}")).ToBeVisibleAsync();
        var rows = page.Locator("#oldest-open-table tbody tr");
        var ids = new List<string?>();
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            ids.Add(await rows.Nth(i).GetAttributeAsync("id"));
        }

        string[] mine = [$"open-{closed}", $"open-{breach}", $"open-{waiting}", $"open-{notified}"];
        Assert.Equal($"open-{breach} open-{waiting} open-{notified}", string.Join(" ", ids.Where(id => id is not null && mine.Contains(id))));

        // Waiting on the reporter, with how long.
        await Expect(page.Locator("#waiting-on-reporter-count")).ToHaveTextAsync(Count("needs_info").ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator($"#waiting-{waiting} .waiting")).ToHaveTextAsync(new Regex("min"));

        // On a phone the tables stack: nothing wider than the screen.
        await page.SetViewportSizeAsync(360, 800);
        var table = await page.Locator("#oldest-open-table").BoundingBoxAsync();
        Assert.True(table!.Width <= 360, $"the table is {table.Width}px wide on a 360px screen");

        // The links lead to the report and to the host's reports in the queue.
        await host.Locator("a").ClickAsync();
        await Expect(page.Locator("#queue-table tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#queue-table")).ToContainTextAsync($"Notified {suffix}");
        await page.GoBackAsync();
        await page.Locator($"#breach-{breach} a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/portal/reports/{breach}$"));
        await Expect(page.Locator("#report-status")).ToHaveAttributeAsync("data-status", "received");
    }

    [Fact]
    public async Task An_admin_sees_the_dashboard_and_it_passes_an_axe_audit_on_a_desktop_and_a_phone()
    {
        var breach = await portal.SubmitAsync($"Audited breach {Guid.NewGuid():N}", "Past its SLA.", severity: "critical");
        await Api.TriageReportAsync(breach, r => r["overdue"]!.GetValue<bool>());
        await using var admin = await portal.SignedInAsync(PortalFixture.AdminEmail, PortalFixture.AdminPassword, bypassCsp: true);
        var page = admin.Page;
        await page.GotoAsync("/portal/dashboard");
        await Expect(page.Locator("#nav-dashboard")).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.Locator($"#breach-{breach}")).ToBeVisibleAsync();
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "the dashboard");
        await page.SetViewportSizeAsync(360, 800);
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "the dashboard on a phone");
    }

    private async Task<long> TotalAsync(string query)
    {
        using var response = await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, "/api/v1/triage/reports/counts" + query, TestClients.Triager);
        return (await SystemUnderTest.JsonAsync(response))["total"]!.GetValue<long>();
    }

    private async Task MoveAsync(Guid id, object transition)
    {
        var report = await Api.TriageReportAsync(id);
        var body = System.Text.Json.JsonSerializer.SerializeToNode(transition)!.AsObject();
        body["expectedVersion"] = report["version"]!.GetValue<long>();
        using var moved = await Api.SendAsync(HttpMethod.Post, Api.Urls.Triage, $"/api/v1/triage/reports/{id}/transitions", TestClients.Triager, body);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
    }
}
