using System.Net;
using System.Text.RegularExpressions;
using SafetyReports.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SafetyReports.IntegrationTests.Browser;

/// <summary>A maintainer works the queue in a real browser: sign in, filter, search, claim, transition, a stale edit, sign out.</summary>
[Trait("Speed", "Slow")]
public sealed class PortalTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Password = "triager passphrase, long enough";

    [Fact]
    public async Task A_triager_signs_in_finds_a_report_claims_and_moves_it_sees_a_conflict_and_signs_out()
    {
        var triager = $"triager-{Guid.NewGuid():N}@example.org";
        await portal.CreateUserAsync(triager, Password, "triager");
        var word = $"quokka{Guid.NewGuid():N}"[..20];
        var found = await portal.SubmitAsync($"Found by search {word[6..]}", $"The output mentioned {word} twice.", severity: "critical");
        await portal.SubmitAsync($"Not this one {Guid.NewGuid():N}", "Unrelated text.", severity: "low");

        await using var tab = await portal.SignedInAsync(triager, Password);
        var page = tab.Page;

        // Queue: counts per status, full-text search, a filter.
        await Expect(page.Locator("#count-received")).Not.ToHaveTextAsync("0");
        await page.ClickAsync("details.filters > summary");
        await page.FillAsync("#q", word);
        await page.ClickAsync("#apply-filters");
        await Expect(page.Locator("#queue-table tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#queue-table tbody")).ToContainTextAsync(word[6..]);
        await page.FillAsync("#q", "");
        await page.SelectOptionAsync("#severity", "low");
        await page.ClickAsync("#apply-filters");
        await Expect(page.Locator("#queue-table tbody")).Not.ToContainTextAsync(word[6..]);
        await Expect(page.Locator("#queue-table tbody tr").First).ToContainTextAsync("Not this one");

        // Report: claim it, then move it to triaging.
        await page.GotoAsync($"/portal/reports/{found}");
        await Expect(page.Locator("#report-status")).ToHaveAttributeAsync("data-status", "received");
        await page.ClickAsync("#claim");
        await Expect(page.Locator("#report-assignee")).ToContainTextAsync(triager);
        await page.ClickAsync("#move-triaging");
        await Expect(page.Locator("#report-status")).ToHaveAttributeAsync("data-status", "triaging");
        var stored = await portal.System.Api.TriageReportAsync(found);
        Assert.Equal(triager, stored["assignee"]!.GetValue<string>());

        // Someone else moves the report while this page still shows the old version.
        var seen = long.Parse(await page.Locator("#report-version").InnerTextAsync());
        using (var other = await portal.System.Api.SendAsync(HttpMethod.Post, portal.System.Url, $"/api/v1/triage/reports/{found}/transitions",
                   TestClients.Triager, new { to = "needs_info", publicNote = "Which model revision was it?", expectedVersion = seen }))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        await page.SelectOptionAsync("#transition-triaged-severity", "high");
        await page.ClickAsync("#move-triaged");
        await Expect(page.Locator("#page-errors")).ToBeVisibleAsync();
        await Expect(page.Locator("#page-errors")).ToContainTextAsync(new Regex("changed", RegexOptions.IgnoreCase));
        await Expect(page.Locator("#report-status")).ToHaveAttributeAsync("data-status", "needs_info");
        Assert.Equal("needs_info", (await portal.System.Api.TriageReportAsync(found))["status"]!.GetValue<string>());

        // Every step is in the audit chain, with the maintainer's name.
        using (var audit = await portal.System.Api.SendAsync(HttpMethod.Get, portal.System.Url, $"/api/v1/triage/reports/{found}/audit", TestClients.Triager))
        {
            var body = await audit.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Contains(triager, body);
        }

        Assert.True(tab.ConsoleErrors.Count == 0, string.Join(" | ", tab.ConsoleErrors));

        // A triager is no admin; after signing out, the portal asks for sign-in again.
        Assert.Equal(HttpStatusCode.Forbidden, await PortalFixture.StatusOfAsync(page, "/portal/admin/users"));
        await page.GotoAsync("/portal");
        await page.ClickAsync("#sign-out");
        await Expect(page).ToHaveURLAsync(new Regex("/portal/signed-out"));
        await page.GotoAsync("/portal");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_portal_pages_carry_a_strict_policy()
    {
        await using var tab = await portal.NewPageAsync();
        var response = await tab.Page.GotoAsync("/portal/admin/users");
        await Expect(tab.Page).ToHaveURLAsync(new Regex("/account/login"));
        Assert.DoesNotContain("unsafe-inline", (await response!.AllHeadersAsync())["content-security-policy"]);

        await using var admin = await portal.SignedInAsync(PortalFixture.AdminEmail, PortalFixture.AdminPassword);
        var queue = await admin.Page.GotoAsync("/portal");
        var headers = await queue!.AllHeadersAsync();
        Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"]);
        Assert.DoesNotContain("unsafe-inline", headers["content-security-policy"]);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.Equal(HttpStatusCode.OK, await PortalFixture.StatusOfAsync(admin.Page, "/portal/admin/users"));
        Assert.Equal(HttpStatusCode.OK, await PortalFixture.StatusOfAsync(admin.Page, "/portal/admin/clients"));
        Assert.Equal(HttpStatusCode.OK, await PortalFixture.StatusOfAsync(admin.Page, "/portal/admin/hosts"));
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_changes_nothing()
    {
        var id = await portal.SubmitAsync($"Antiforgery {Guid.NewGuid():N}", "Plain text.");
        await using var admin = await portal.SignedInAsync(PortalFixture.AdminEmail, PortalFixture.AdminPassword);

        // The browser's own cookies, but no token: as a cross-site form would post.
        var response = await admin.Page.APIRequest.PostAsync($"/portal/reports/{id}?handler=Claim",
            new() { Form = admin.Page.APIRequest.CreateFormData().Set("expectedVersion", "1") });

        Assert.Equal(400, response.Status);
        Assert.Null((await portal.System.Api.TriageReportAsync(id))["assignee"]?.GetValue<string>());
    }
}
