using static Microsoft.Playwright.Assertions;

namespace SafetyReports.IntegrationTests.Browser;

/// <summary>A system whose form, without a proof of work, takes one report per client per minute.</summary>
public sealed class RateLimitedBrowserFixture : BrowserFixture
{
    protected override Dictionary<string, string> Settings => new(base.Settings)
    {
        ["SafetyReports:Intake:RateLimit:UnchallengedPermitsPerMinute"] = "1",
    };
}

[Trait("Speed", "Slow")]
public class RateLimitPageTests(RateLimitedBrowserFixture browser) : IClassFixture<RateLimitedBrowserFixture>
{
    [Fact]
    public async Task Too_many_reports_without_javascript_get_a_429_page_with_the_wait_and_the_input_kept()
    {
        await using var tab = await browser.NewPageAsync(javaScript: false);
        var page = tab.Page;
        await tab.GotoAsync("/");
        await tab.FillAsync(new FormInput($"First {Guid.NewGuid():N}"));
        await tab.SendAsync();
        await tab.ReceiptAsync();

        await tab.GotoAsync("/");
        var title = $"Second {Guid.NewGuid():N}";
        await tab.FillAsync(new FormInput(title));
        var response = await tab.SendAsync();

        Assert.Equal(429, response.Status);
        var retryAfter = int.Parse((await response.AllHeadersAsync())["retry-after"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        await Expect(page.Locator(".error-summary")).ToContainTextAsync($"wait {retryAfter} seconds");
        await Expect(page.Locator("#title")).ToHaveValueAsync(title);
        await Expect(page.Locator("#evidence-1-content")).ToHaveValueAsync("Sure, here it is …");

        // The browser logs the 429 document itself; nothing else may appear.
        Assert.All(tab.ConsoleErrors, e => Assert.Contains("status of 429", e));
    }
}
