using static Microsoft.Playwright.Assertions;

namespace SafetyReports.IntegrationTests.Browser;

/// <summary>"My notifications" in a browser without JavaScript: a refused choice changes nothing, a good one is kept.</summary>
public sealed class PortalNotificationsPageTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_maintainer_sees_the_name_their_reports_carry_is_told_what_is_wrong_and_saves_a_daily_digest()
    {
        await using var admin = await portal.SignedInAsync(PortalFixture.AdminEmail, PortalFixture.AdminPassword, javaScript: false);
        var page = admin.Page;

        await page.GotoAsync("/portal/notifications");
        await Expect(page.Locator("#assigned-as")).ToContainTextAsync(PortalFixture.AdminEmail);
        await page.FillAsync("#email", "");
        await page.Locator("#slaBreach").SetCheckedAsync(true);
        await page.ClickAsync("#save-notifications");

        // Refused: a notification is on and there is no address. What was chosen stays on the page, nothing is saved.
        await Expect(page.Locator("#page-errors")).ToBeVisibleAsync();
        await Expect(page.Locator("#email-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#slaBreach")).ToBeCheckedAsync();
        await page.GotoAsync("/portal/notifications");
        await Expect(page.Locator("#slaBreach")).Not.ToBeCheckedAsync();

        await page.FillAsync("#email", "digest.reader@example.org");
        await page.Locator("#slaBreach").SetCheckedAsync(true);
        await page.Locator("#contested").SetCheckedAsync(true);
        await page.SelectOptionAsync("#newReportSeverity", "critical");
        await page.Locator("#delivery-DailyDigest").SetCheckedAsync(true);
        await page.ClickAsync("#save-notifications");

        await Expect(page.Locator("#page-notice")).ToBeVisibleAsync();
        await page.GotoAsync("/portal/notifications");
        await Expect(page.Locator("#email")).ToHaveValueAsync("digest.reader@example.org");
        await Expect(page.Locator("#slaBreach")).ToBeCheckedAsync();
        await Expect(page.Locator("#contested")).ToBeCheckedAsync();
        await Expect(page.Locator("#reporterAnswered")).Not.ToBeCheckedAsync();
        await Expect(page.Locator("#newReportSeverity")).ToHaveValueAsync("critical");
        await Expect(page.Locator("#delivery-DailyDigest")).ToBeCheckedAsync();
    }
}
