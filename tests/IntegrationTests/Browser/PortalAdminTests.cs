using System.Net;
using SafetyReports.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SafetyReports.IntegrationTests.Browser;

/// <summary>An admin sets up a model host from the portal and follows a report's webhook from its page.</summary>
[Trait("Speed", "Slow")]
public sealed class PortalAdminTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task An_admin_registers_a_host_its_subscription_and_client_and_sees_the_reports_delivery()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var hostId = $"hub-{Guid.NewGuid():N}"[..16];
        await using var admin = await portal.SignedInAsync(PortalFixture.AdminEmail, PortalFixture.AdminPassword);
        var page = admin.Page;

        // The host, then a subscription whose signing secret is shown once.
        await page.GotoAsync("/portal/admin/hosts");
        await page.FillAsync("#create-host-form #id", hostId);
        await page.FillAsync("#create-host-form #name", "A test hub");
        await page.FillAsync("#create-host-form #contactEmail", "trust@hub.example");
        await page.ClickAsync("#create-host");
        await page.GotoAsync($"/portal/admin/hosts/{hostId}");
        await page.FillAsync("#url", receiver.BaseUrl + "/hooks");
        await page.Locator("#event-report-triaged").SetCheckedAsync(true);
        await page.FillAsync("#modelPatterns", "org/*");
        await page.ClickAsync("#create-subscription");
        await Expect(page.Locator("#secret-value")).ToContainTextAsync("whsec_");
        await page.GotoAsync($"/portal/admin/hosts/{hostId}");
        await Expect(page.Locator("#secret-value")).ToHaveCountAsync(0);

        // The host's own API client, bound to the host; its secret works once shown.
        await page.GotoAsync("/portal/admin/clients");
        var clientId = hostId + "-client";
        await page.FillAsync("#clientId", clientId);
        await page.Locator("#scope-host").SetCheckedAsync(true);
        await page.FillAsync("#hostId", hostId);
        await page.ClickAsync("#create-client");
        var secret = await page.Locator("#created-client-secret").InnerTextAsync();
        using (var token = await portal.System.Api.Http.PostAsync(portal.System.Url + "/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
               {
                   ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = "host",
               }), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        }

        // A report about one of the host's models, triaged: its page lists the webhook that went out.
        var (id, _) = await portal.System.Api.SubmitAsync(SystemUnderTest.Report(hostId, "org/model", $"Delivered {Guid.NewGuid():N}"));
        var report = await portal.System.Api.TriageReportAsync(id);
        using (var triaged = await portal.System.Api.SendAsync(HttpMethod.Post, portal.System.Url, $"/api/v1/triage/reports/{id}/transitions",
                   TestClients.Triager, new { to = "triaged", severity = "high", expectedVersion = report["version"]!.GetValue<long>() }))
        {
            Assert.Equal(HttpStatusCode.OK, triaged.StatusCode);
        }

        await receiver.NextAsync(w => w.Body.Contains(id.ToString()), TimeSpan.FromSeconds(30));
        await portal.System.Api.TriageReportAsync(id, r => r["status"]!.GetValue<string>() == "host_notified");
        await page.GotoAsync($"/portal/reports/{id}");
        await Expect(page.Locator("#report-deliveries tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#report-deliveries")).ToContainTextAsync("report.triaged");
        await page.ClickAsync("#report-deliveries-link");
        await Expect(page.Locator("#deliveries-table")).ToContainTextAsync(id.ToString());
        Assert.True(admin.ConsoleErrors.Count == 0, string.Join(" | ", admin.ConsoleErrors));
    }

    [Fact]
    public async Task An_admin_redacts_an_address_typed_into_a_report_from_its_page_and_a_triager_has_no_such_form()
    {
        var word = $"zebulon{Guid.NewGuid():N}"[..20];
        var typed = $"{word}@example.org";
        var id = await portal.SubmitAsync($"Redaction {Guid.NewGuid():N}", $"Write to {typed} about it.");
        await using var admin = await portal.SignedInAsync(PortalFixture.AdminEmail, PortalFixture.AdminPassword);
        var page = admin.Page;

        await page.GotoAsync($"/portal/reports/{id}");
        await page.ClickAsync("#redact");
        await Expect(page.Locator("#page-errors")).ToBeVisibleAsync();
        await page.FillAsync("#redact-text", typed.ToUpperInvariant());
        await page.ClickAsync("#redact");
        await Expect(page.Locator("#report-description")).ToHaveTextAsync("Write to [redacted] about it.");
        Assert.Equal("Write to [redacted] about it.", (await portal.System.Api.TriageReportAsync(id))["description"]!.GetValue<string>());
        Assert.True(admin.ConsoleErrors.Count == 0, string.Join(" | ", admin.ConsoleErrors));

        var triager = $"triager-{Guid.NewGuid():N}@example.org";
        await portal.CreateUserAsync(triager, "triager passphrase, long enough", "triager");
        await using var other = await portal.SignedInAsync(triager, "triager passphrase, long enough");
        await other.Page.GotoAsync($"/portal/reports/{id}");
        await Expect(other.Page.Locator("#report-description")).ToBeVisibleAsync();
        await Expect(other.Page.Locator("#redact-form")).ToHaveCountAsync(0);
    }
}
