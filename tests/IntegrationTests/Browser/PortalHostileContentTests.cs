using MassTransit;
using SafetyReports.Contracts;
using static Microsoft.Playwright.Assertions;

namespace SafetyReports.IntegrationTests.Browser;

/// <summary>
/// Report text is hostile by default. Intake already refuses control and direction-override characters,
/// so this report goes straight onto the bus (as a compromised or older sender could): the portal must
/// stay safe even for content that should never have got in.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class PortalHostileContentTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Scripts_handlers_links_bidi_overrides_and_long_words_render_inert_and_readable()
    {
        var id = Guid.CreateVersion7();
        var longWord = new string('W', 3000);
        var title = "<script>alert('title')</script> \u202Egnp.exe\u202C";
        var description = "<img src=x onerror=alert('img')> and <a href=\"javascript:alert('link')\">click</a> " + longWord;
        await portal.System.Get<IBus>().Publish(new ReportSubmitted(
            id, DateTimeOffset.UtcNow,
            new ModelReference("hub-a", "org/<b>bold</b>", null, "javascript:alert('url')"),
            "hate", "high", title, description,
            [new EvidenceItem("url", "javascript:alert('evidence')"), new EvidenceItem("output", "<svg onload=alert('svg')></svg> \u2067RTL\u2069 " + longWord)],
            null, false), TestContext.Current.CancellationToken);
        await portal.System.Api.TriageReportAsync(id);

        await using var admin = await portal.SignedInAsync(PortalFixture.AdminEmail, PortalFixture.AdminPassword);
        var page = admin.Page;
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };

        foreach (var path in new[] { $"/portal/reports/{id}", "/portal?q=" + Uri.EscapeDataString("gnp") })
        {
            var response = await page.GotoAsync(path);
            Assert.Contains("script-src", (await response!.AllHeadersAsync())["content-security-policy"]);
        }

        await page.GotoAsync($"/portal/reports/{id}");
        await Expect(page.Locator("#report-title")).ToContainTextAsync("<script>alert('title')</script>");
        await Expect(page.Locator("#report-description")).ToContainTextAsync("<img src=x onerror=alert('img')>");
        Assert.Equal(0, await page.Locator("main img, main svg:not([aria-hidden]), main script").CountAsync());
        Assert.Equal(0, await page.Locator("a[href^='javascript:' i]").CountAsync());
        Assert.Equal(0, await page.Locator("main b").CountAsync());

        // Direction overrides stay inside their own element instead of reversing the text around them.
        var isolated = await page.Locator("#report-title").EvaluateAsync<string>("e => getComputedStyle(e).unicodeBidi");
        Assert.Contains("isolate", isolated);

        // A 3,000-character word wraps: the page does not scroll sideways.
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 1, $"the page is {overflow} px wider than the window");

        Assert.Empty(dialogs);
        Assert.True(admin.ConsoleErrors.Count == 0, string.Join(" | ", admin.ConsoleErrors));
    }
}
