using SafetyReports.IntegrationTests.Browser;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.Notification.Domain;
using SafetyReports.Notification.Storage;
using static Microsoft.Playwright.Assertions;

namespace SafetyReports.IntegrationTests.Notification;

/// <summary>The portal's subscription edit form and the admins' notices, in a browser without JavaScript.</summary>
public sealed class PortalSubscriptionPagesTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private NotificationClient Notification => new(portal.System.Api);

    [Fact]
    public async Task An_admin_edits_a_subscription_sees_field_errors_and_the_change()
    {
        var hostId = $"hub-{Guid.NewGuid():N}"[..16];
        await Notification.EnsureHostAsync(hostId);
        var subscription = await Notification.SubscribeAsync(TestClients.Admin, hostId, "http://127.0.0.1:9/old", modelPatterns: ["org/*"]);
        await using var admin = await portal.SignedInAsync(PortalFixture.AdminEmail, PortalFixture.AdminPassword, javaScript: false);
        var page = admin.Page;
        var form = $"#edit-{subscription.Id}";

        await page.GotoAsync($"/portal/admin/hosts/{hostId}");
        await page.ClickAsync($"#edit-{subscription.Id}-details summary");
        await Expect(page.Locator($"{form}-url")).ToHaveValueAsync("http://127.0.0.1:9/old");
        await page.Locator($"{form}-event-report-triaged").SetCheckedAsync(false);
        await page.FillAsync($"{form}-modelPatterns", "has space");
        await page.ClickAsync($"{form}-save");

        // Refused: the errors stand beside this form's fields, what was typed stays, and the creation form shows none of it.
        await Expect(page.Locator("#page-errors")).ToBeVisibleAsync();
        await Expect(page.Locator($"{form}-events-error")).ToBeVisibleAsync();
        await Expect(page.Locator($"{form}-modelPatterns-error")).ToBeVisibleAsync();
        await Expect(page.Locator($"{form}-modelPatterns")).ToHaveValueAsync("has space");
        await Expect(page.Locator("#modelPatterns-error")).ToHaveCountAsync(0);
        Assert.Equal("http://127.0.0.1:9/old", (await Notification.SubscriptionAsync(subscription.Id))["url"]!.GetValue<string>());

        await page.FillAsync($"{form}-url", "http://127.0.0.1:9/new");
        await page.Locator($"{form}-event-report-resolved").SetCheckedAsync(true);
        await page.FillAsync($"{form}-modelPatterns", "org/*\nother/**");
        await page.ClickAsync($"{form}-save");

        await Expect(page.Locator("#page-notice")).ToBeVisibleAsync();
        var edited = await Notification.SubscriptionAsync(subscription.Id);
        Assert.Equal("http://127.0.0.1:9/new", edited["url"]!.GetValue<string>());
        Assert.Equal(["report.resolved"], edited["events"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal(["org/*", "other/**"], edited["modelPatterns"]!.AsArray().Select(e => e!.GetValue<string>()));
    }

    [Fact]
    public async Task Admins_see_a_banner_while_a_subscription_is_disabled_automatically_and_enable_it_from_the_notices()
    {
        var hostId = $"hub-{Guid.NewGuid():N}"[..16];
        await Notification.EnsureHostAsync(hostId);
        var subscription = await Notification.SubscribeAsync(TestClients.Admin, hostId, "http://127.0.0.1:9/down", modelPatterns: ["none/*"]);
        // As the dispatcher does after a failing period (the API tests make one fail for real; here the page is what matters).
        Assert.True(await portal.System.Get<INotificationStore>().DisableSubscriptionAsync(
            subscription.Id, DisabledReasons.Failing, DateTimeOffset.UtcNow, null, TestContext.Current.CancellationToken));
        await using var admin = await portal.SignedInAsync(PortalFixture.AdminEmail, PortalFixture.AdminPassword, javaScript: false);
        var page = admin.Page;

        await page.GotoAsync("/portal");
        await Expect(page.Locator("#notice-banner")).ToContainTextAsync("disabled automatically");
        await page.ClickAsync("#notice-banner-review");
        Assert.EndsWith("/portal/admin/notices", page.Url);
        var row = page.Locator($"#notice-{subscription.Id}");
        await Expect(row).ToContainTextAsync("http://127.0.0.1:9/down");
        await Expect(page.Locator($"#notice-{subscription.Id}-host")).ToHaveAttributeAsync("href", $"/portal/admin/hosts/{hostId}#subscription-{subscription.Id}");

        await page.ClickAsync($"#enable-{subscription.Id} button");
        await Expect(page.Locator("#page-notice")).ToBeVisibleAsync();
        await Expect(page.Locator($"#notice-{subscription.Id}")).ToHaveCountAsync(0);
        Assert.True((await Notification.SubscriptionAsync(subscription.Id))["enabled"]!.GetValue<bool>());
    }
}
