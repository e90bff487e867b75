using System.Net;
using Microsoft.Playwright;
using SafetyReports.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SafetyReports.IntegrationTests.Browser;

/// <summary>A Standalone system with a first admin seeded through the configuration contract, and Chromium.</summary>
public class PortalFixture : BrowserFixture
{
    public const string AdminEmail = "first.admin@example.org";
    public const string AdminPassword = "an admin passphrase of some length";

    protected override Dictionary<string, string> Settings => new()
    {
        ["SafetyReports:Identity:Admin:Email"] = AdminEmail,
        ["SafetyReports:Identity:Admin:Password"] = AdminPassword,
    };

    /// <summary>Opens /portal in a fresh browser context and signs in on Identity's login page.</summary>
    /// <param name="bypassCsp">Only for injecting test scripts (axe-core).</param>
    public async Task<BrowserPage> SignedInAsync(string email, string password, bool javaScript = true, bool bypassCsp = false)
    {
        var tab = await NewPageAsync(javaScript, bypassCsp);
        await tab.Page.GotoAsync("/portal");
        await Expect(tab.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await tab.Page.FillAsync("#email", email);
        await tab.Page.FillAsync("#password", password);
        await tab.Page.ClickAsync("button[type=submit]");
        await Expect(tab.Page.Locator("#signed-in-user")).ToHaveTextAsync(email);
        return tab;
    }

    /// <summary>A report submitted through Intake's public API, once Triage has it.</summary>
    public async Task<Guid> SubmitAsync(string title, string description, string severity = "high", string model = "org/portal-model")
    {
        var (id, _) = await System.Api.SubmitAsync(new
        {
            model = new { host = "hub-a", id = model, revision = (string?)null, url = (string?)null },
            category = "hate",
            severity,
            title,
            description,
            evidence = new[] { new { kind = "output", content = "Evidence text for " + title } },
            contactAllowed = false,
            goodFaith = true,
        });
        await System.Api.TriageReportAsync(id);
        return id;
    }

    /// <summary>Creates a user through the admin page, signed in as the seeded admin.</summary>
    public async Task CreateUserAsync(string email, string password, string role)
    {
        await using var admin = await SignedInAsync(AdminEmail, AdminPassword);
        var page = admin.Page;
        await page.GotoAsync("/portal/admin/users");
        await page.FillAsync("#create-user-form #email", email);
        await page.FillAsync("#create-user-form #password", password);
        foreach (var other in new[] { "admin", "triager" })
        {
            await page.Locator($"#new-role-{other}").SetCheckedAsync(other == role);
        }

        await page.ClickAsync("#create-user");
        await Expect(page.Locator("#page-notice")).ToBeVisibleAsync();
        await Expect(page.Locator("#users-table")).ToContainTextAsync(email);
    }

    /// <summary>Creates a host user (role host, bound to <paramref name="hostId"/>) through the admin's Users page.</summary>
    public async Task CreateHostUserAsync(string email, string password, string hostId)
    {
        await using var admin = await SignedInAsync(AdminEmail, AdminPassword);
        var page = admin.Page;
        await page.GotoAsync("/portal/admin/users");
        await page.FillAsync("#create-user-form #email", email);
        await page.FillAsync("#create-user-form #password", password);
        await page.Locator("#new-role-admin").SetCheckedAsync(false);
        await page.Locator("#new-role-triager").SetCheckedAsync(false);
        await page.Locator("#new-role-host").SetCheckedAsync(true);
        await page.FillAsync("#create-user-form #hostId", hostId);
        await page.ClickAsync("#create-user");
        await Expect(page.Locator("#page-notice")).ToBeVisibleAsync();
        await Expect(page.Locator("#users-table")).ToContainTextAsync(email);
    }

    /// <summary>
    /// A report about <paramref name="hostId"/>'s model with a description, three evidence items and the reporter's contact,
    /// submitted through Intake's public API, once Triage has it.
    /// </summary>
    public async Task<(Guid Id, string Token)> SubmitForHostAsync(string hostId, string title, string reporterEmail)
    {
        var submitted = await System.Api.SubmitAsync(new
        {
            model = new { host = hostId, id = "org/inbox-model", revision = "v3", url = "https://hub.example/org/inbox-model" },
            category = "hate",
            severity = "high",
            title,
            description = $"Description of {title}: the model wrote demeaning text on request.",
            evidence = new[]
            {
                new { kind = "prompt", content = $"Prompt of {title}" },
                new { kind = "output", content = $"Private output of {title}" },
                new { kind = "output", content = $"Shared output of {title}" },
            },
            reporter = new { name = "Rita Reporter", email = reporterEmail },
            contactAllowed = true,
            goodFaith = true,
        });
        await System.Api.TriageReportAsync(submitted.Id);
        return submitted;
    }

    public static async Task<HttpStatusCode> StatusOfAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        return (HttpStatusCode)response!.Status;
    }
}
