using static Microsoft.Playwright.Assertions;

namespace SafetyReports.IntegrationTests.Browser;

/// <summary>
/// A reporter whose browser asks for Arabic or Chinese, with JavaScript turned off, files a report in that language:
/// the pages say their language and direction, the form's errors and the receipt are in it, the report arrives
/// exactly as typed, and axe-core finds no serious violation on any of those pages.
/// </summary>
[Trait("Speed", "Slow")]
public class LanguageFormTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string, string, string, string, string, string> Languages => new()
    {
        // locale, lang, dir, form heading, error summary title, receipt heading
        { "ar-EG", "ar", "rtl", "الإبلاغ عن استخدام ضار لنموذج ذكاء اصطناعي مفتوح", "توجد مشكلة", "تم استلام البلاغ" },
        { "zh-CN", "zh-Hans", "ltr", "举报开放 AI 模型的有害用途", "出现问题", "已收到举报" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_report_sent_without_javascript_in_the_browsers_language_reaches_its_receipt(
        string locale, string lang, string dir, string heading, string problem, string received)
    {
        await using var tab = await browser.NewPageAsync(javaScript: false, locale: locale);
        var page = tab.Page;
        await tab.GotoAsync("/");
        await ExpectLanguageAsync(tab, lang, dir);
        await Expect(page.Locator("h1")).ToHaveTextAsync(heading);
        await AxeAudit.AssertNoSeriousViolationsWithoutJavaScriptAsync(browser, page, $"the report form in {lang}");

        var title = lang == "ar" ? $"<b>نموذج</b> يكتب رسائل تصيّد {Guid.NewGuid():N}" : $"<b>模型</b>按要求编写钓鱼邮件 {Guid.NewGuid():N}";
        await tab.FillAsync(new FormInput(title, Category: null));
        await tab.SendAsync();
        await Expect(page.Locator(".error-summary h2")).ToHaveTextAsync(problem);
        await ExpectLanguageAsync(tab, lang, dir);
        await Expect(page.Locator("#title")).ToHaveValueAsync(title);
        await AxeAudit.AssertNoSeriousViolationsWithoutJavaScriptAsync(browser, page, $"the report form with an error in {lang}");

        await page.CheckAsync("#category-indiscriminate-weapons");
        await tab.SendAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(received);
        await ExpectLanguageAsync(tab, lang, dir);
        var id = Guid.Parse((await page.Locator("#receipt-id").InnerTextAsync()).Trim());
        await Expect(page.Locator("#receipt-token")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Za-z0-9_-]{43}$"));
        await AxeAudit.AssertNoSeriousViolationsWithoutJavaScriptAsync(browser, page, $"the receipt in {lang}");

        var stored = await browser.System.Api.TriageReportAsync(id);
        Assert.Equal(title, stored["title"]!.GetValue<string>());
        Assert.Equal("indiscriminate-weapons", stored["category"]!.GetValue<string>());
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task The_language_switcher_works_without_javascript_and_is_remembered()
    {
        await using var tab = await browser.NewPageAsync(javaScript: false, locale: "en-GB");
        var page = tab.Page;
        await tab.GotoAsync("/about");
        await ExpectLanguageAsync(tab, "en", "ltr");

        await page.Locator(".language-switcher a[lang='zh-Hans']").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("举报如何运作");
        await ExpectLanguageAsync(tab, "zh-Hans", "ltr");
        await Expect(page.Locator(".language-switcher a[aria-current='true']")).ToHaveTextAsync("简体中文");

        await page.Locator(".site-header nav a[href='/status']").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("跟进您的举报");

        await page.Locator(".language-switcher a[lang='ar']").ClickAsync();
        await ExpectLanguageAsync(tab, "ar", "rtl");
        await Expect(page.Locator("h1")).ToHaveTextAsync("متابعة بلاغك");
        tab.AssertNoConsoleErrors();
    }

    private static async Task ExpectLanguageAsync(BrowserPage tab, string lang, string dir)
    {
        await Expect(tab.Page.Locator("html")).ToHaveAttributeAsync("lang", lang);
        await Expect(tab.Page.Locator("html")).ToHaveAttributeAsync("dir", dir);
    }
}
