using System.Text.Json;
using Microsoft.Playwright;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Browser;

/// <summary>
/// Runs axe-core (the npm package, installed by <c>npm ci --prefix tests/IntegrationTests/Browser</c>)
/// inside a page and fails on serious or critical violations.
/// </summary>
public static class AxeAudit
{
    public static readonly string ScriptPath = Path.Combine(RepositoryPaths.Root, "tests", "IntegrationTests", "Browser", "node_modules", "axe-core", "axe.min.js");

    public sealed record Violation(string Id, string? Impact, string Help, string[] Targets);

    public static async Task<IReadOnlyList<Violation>> RunAsync(IPage page)
    {
        Assert.True(File.Exists(ScriptPath), $"{ScriptPath} is missing: run `npm ci --prefix tests/IntegrationTests/Browser` (tests/run-all.sh does).");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = ScriptPath });
        var json = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const results = await axe.run(document, { resultTypes: ['violations'] });
              return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }));
            }
            """);
        return json.Deserialize<List<Violation>>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    /// <summary>
    /// Audits a page shown in a tab with JavaScript turned off, where axe cannot run (its timers never fire): the
    /// page as it stands is served again, at its own address, to a tab of <paramref name="browser"/> that runs
    /// axe but no script of the page's own, so what is audited is what the reporter without JavaScript sees.
    /// </summary>
    public static async Task AssertNoSeriousViolationsWithoutJavaScriptAsync(BrowserFixture browser, IPage page, string what)
    {
        var html = await page.ContentAsync();
        var url = page.Url;
        await using var auditor = await browser.NewPageAsync(bypassCsp: true);
        await auditor.Page.RouteAsync(url, route => route.FulfillAsync(new RouteFulfillOptions { Body = html, ContentType = "text/html; charset=utf-8" }));
        await auditor.Page.RouteAsync("**/*.js*", route => route.AbortAsync());
        await auditor.Page.GotoAsync(url);
        Assert.Equal(await page.InnerTextAsync("h1"), await auditor.Page.InnerTextAsync("h1"));
        await AssertNoSeriousViolationsAsync(auditor.Page, what);
    }

    public static async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        var violations = await RunAsync(page);
        var serious = violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe found serious or critical violations on {what}:\n" + string.Join('\n',
            serious.Select(v => $"- {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Targets)}")));

        // Lesser findings are reported, not failed: they are worth reading when a page changes.
        foreach (var v in violations.Except(serious))
        {
            TestContext.Current.SendDiagnosticMessage($"axe on {what}: {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Targets)}");
        }
    }
}
