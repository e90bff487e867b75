using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SafetyReports.IntegrationTests.Browser;

/// <summary>
/// The public transparency page against a real Standalone system whose figures come from Triage's API: tables and
/// server-side SVG charts with JavaScript, the same tables and the period filter without it, hostile host names
/// shown as text, and an axe audit.
/// </summary>
[Trait("Speed", "Slow")]
public partial class TransparencyPageTests(TransparencyFixture fixture) : IClassFixture<TransparencyFixture>
{
    private static string ThisMonth => DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_page_renders_the_hosts_in_tables_and_charts_and_links_each_host_to_its_models()
    {
        await using var tab = await fixture.NewPageAsync();
        var page = tab.Page;
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => dialogs.Add(dialog.Message);

        var response = await tab.GotoAsync("/transparency");
        Assert.Equal("no-cache, no-store", response.Headers["cache-control"]);
        Assert.DoesNotContain("unsafe-inline", response.Headers["content-security-policy"], StringComparison.Ordinal);

        var hubA = HostRow(page, TransparencyFixture.Host);
        await Expect(hubA.Locator("td").Nth(0)).ToHaveTextAsync("3");
        await Expect(hubA.Locator("td").Nth(1)).ToHaveTextAsync("3");
        // Two acknowledged within the SLA, one still inside it (pending, so not in the share).
        await Expect(hubA.Locator("td").Nth(3)).ToHaveTextAsync("100%");
        await Expect(page.Locator("#hosts-caption")).ToHaveTextAsync("Reports per host");
        await Expect(page.Locator("#hosts-acknowledgement-table tbody tr", new() { HasText = TransparencyFixture.Host }).Locator("td").Nth(0)).ToHaveTextAsync("3");
        await Expect(page.Locator("#categories-table tbody tr", new() { HasText = "Hate" }).Locator("td").Last).ToHaveTextAsync("2");

        // Three charts, each an image with a title, and the seeded host drawn in both per-host charts.
        var charts = page.Locator("svg.chart[role=img]");
        await Expect(charts).ToHaveCountAsync(3);
        foreach (var id in new[] { "hosts-times-chart", "hosts-acknowledgement-chart", "categories-chart" })
        {
            await Expect(page.Locator($"#{id}-title")).Not.ToBeEmptyAsync();
        }

        await Expect(page.Locator("#hosts-times-chart text.chart-label", new() { HasText = TransparencyFixture.Host })).ToHaveCountAsync(1);
        await Expect(page.Locator("#hosts-acknowledgement-chart text.chart-value").First).ToHaveTextAsync("100% in time");
        Assert.True(await page.Locator("#hosts-times-chart rect.chart-median").CountAsync() >= 2, "the legend and hub-a's median bar");

        // The hostile name is text everywhere: no element made of it, no script run.
        await Expect(HostRow(page, TransparencyFixture.HostileHost)).ToHaveCountAsync(1);
        await Expect(page.Locator("main img")).ToHaveCountAsync(0);
        await Expect(page.Locator("#hosts-times-chart text.chart-label", new() { HasText = "<img" })).ToHaveCountAsync(1);
        Assert.Empty(dialogs);
        tab.AssertNoConsoleErrors();

        // The disclosure policy is off by default, and the page says so.
        await Expect(page.Locator("#disclosures-off")).ToHaveTextAsync("The disclosure policy is off: no report is published on its own.");

        await HostRow(page, TransparencyFixture.Host).Locator("a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/transparency/models\\?host=hub-a"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Models of hub-a");
        await Expect(page.Locator("#models-table tbody tr", new() { HasText = fixture.ModelPrefix + "/alpha" }).Locator("td").First).ToHaveTextAsync("2");
        await Expect(page.Locator("#models-table tbody tr", new() { HasText = fixture.ModelPrefix + "/beta" }).Locator("td").First).ToHaveTextAsync("1");
        await Expect(page.Locator("svg.chart[role=img]")).ToHaveCountAsync(2);

        // The hostile host's own page: its name encoded in the link, shown as text.
        await tab.GotoAsync("/transparency");
        await HostRow(page, TransparencyFixture.HostileHost).Locator("a").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Models of {TransparencyFixture.HostileHost}");
        await Expect(page.Locator("#models-table tbody tr", new() { HasText = "org/hostile" })).ToHaveCountAsync(1);
        Assert.Empty(dialogs);
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Without_JavaScript_the_tables_the_period_filter_and_the_time_choice_work()
    {
        await using var tab = await fixture.NewPageAsync(javaScript: false);
        var page = tab.Page;
        await tab.GotoAsync("/transparency");
        await Expect(HostRow(page, TransparencyFixture.Host).Locator("td").First).ToHaveTextAsync("3");

        // A period without reports, then this month, through the plain GET form.
        await page.FillAsync("#from", "2001-01");
        await page.FillAsync("#to", "2001-02");
        await page.ClickAsync("#show-period");
        await Expect(page).ToHaveURLAsync(new Regex("from=2001-01&to=2001-02"));
        await Expect(page.Locator("#period-shown")).ToContainTextAsync("from 2001-01 to 2001-02");
        await Expect(page.Locator("#no-hosts")).ToBeVisibleAsync();
        await Expect(page.Locator("#from")).ToHaveValueAsync("2001-01");

        await page.FillAsync("#from", ThisMonth);
        await page.FillAsync("#to", ThisMonth);
        await page.ClickAsync("#show-period");
        await Expect(page.Locator("#period-shown")).ToContainTextAsync($"from {ThisMonth} to {ThisMonth}");
        await Expect(HostRow(page, TransparencyFixture.Host).Locator("td").First).ToHaveTextAsync("3");
        await Expect(page.Locator("#categories-table thead th")).ToHaveTextAsync(["Category", ThisMonth, "Total"]);

        // The time shown in the chart is a link, keeping the period.
        await page.ClickAsync("nav.milestones a:text('Time to triage')");
        await Expect(page).ToHaveURLAsync(new Regex($"from={ThisMonth}&to={ThisMonth}&time=triage"));
        await Expect(page.Locator("nav.milestones a[aria-current=true]")).ToHaveTextAsync("Time to triage");
        await Expect(page.Locator("#hosts-times-chart-title")).ToHaveTextAsync("Time to triage per host: median and 90th percentile");

        // The host link keeps the period too.
        await HostRow(page, TransparencyFixture.Host).Locator("a").ClickAsync();
        await Expect(page.Locator("#models-table tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#from")).ToHaveValueAsync(ThisMonth);
    }

    [Theory]
    [InlineData("/transparency?from=2026-13", "Enter the start month as yyyy-MM")]
    [InlineData("/transparency?from=2026-05&to=2026-01", "The start month must not be after the end month.")]
    [InlineData("/transparency?from=2000-01&to=2026-01", "A period is at most 60 months.")]
    [InlineData("/transparency/models?host=hub-a&to=%3Cscript%3E", "Enter the end month as yyyy-MM")]
    public async Task A_wrong_period_is_a_readable_400_page_with_the_filter_to_correct_it(string path, string message)
    {
        await using var tab = await fixture.NewPageAsync(javaScript: false);
        var response = await tab.Page.GotoAsync(path);

        Assert.Equal((int)HttpStatusCode.BadRequest, response!.Status);
        await Expect(tab.Page).ToHaveTitleAsync(new Regex("^Error: "));
        await Expect(tab.Page.Locator("#period-errors")).ToContainTextAsync(message);
        await Expect(tab.Page.Locator("#period-filter")).ToBeVisibleAsync();
        Assert.DoesNotContain("Exception", await tab.Page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_downloads_are_Triage_s_figures_as_JSON_and_CSV()
    {
        var http = fixture.System.Api.Http;
        using var json = await http.GetAsync($"{fixture.System.Url}/transparency/hosts.json?from={ThisMonth}&to={ThisMonth}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Contains($"\"host\":\"{TransparencyFixture.Host}\"", await json.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        using var csv = await http.GetAsync($"{fixture.System.Url}/transparency/models.csv?host={TransparencyFixture.Host}", TestContext.Current.CancellationToken);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"{fixture.ModelPrefix}/alpha", await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_transparency_pages_pass_an_axe_audit()
    {
        await using var tab = await fixture.NewPageAsync(bypassCsp: true);
        await tab.GotoAsync("/transparency");
        await AxeAudit.AssertNoSeriousViolationsAsync(tab.Page, "the transparency page");
        await tab.GotoAsync($"/transparency/models?host={TransparencyFixture.Host}");
        await AxeAudit.AssertNoSeriousViolationsAsync(tab.Page, "a host's models");
        await tab.Page.GotoAsync("/transparency?from=nonsense");
        await AxeAudit.AssertNoSeriousViolationsAsync(tab.Page, "the transparency page with a wrong period");
    }

    [Fact]
    public async Task On_a_phone_the_charts_fit_the_screen_and_only_the_tables_scroll_sideways()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.System.Url,
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            DeviceScaleFactor = 2,
            IsMobile = true,
        });
        await using var _ = context;
        var page = await context.NewPageAsync();
        await page.GotoAsync("/transparency");

        var documentWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(documentWidth <= 360, $"the page is {documentWidth} px wide on a 360 px screen");
        var chart = await page.Locator("#hosts-times-chart").BoundingBoxAsync();
        Assert.NotNull(chart);
        Assert.InRange(chart.Width, 250, 360);
        // Chart labels are drawn at 14 units on a 400-unit-wide drawing: at least 10 CSS pixels here.
        var label = await page.Locator("#hosts-times-chart text.chart-label").First.BoundingBoxAsync();
        Assert.True(label!.Height >= 10, $"label height {label.Height}");
    }

    private static ILocator HostRow(IPage page, string host) =>
        page.Locator("#hosts-table tbody tr").Filter(new() { Has = page.Locator("th", new() { HasTextString = host }) });
}
