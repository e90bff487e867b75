using Microsoft.Playwright;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Browser;

/// <summary>
/// One Standalone system and one headless Debian Chromium, driven by Playwright, shared by the tests
/// of a class. Proof of work is on at a low difficulty so the browser really solves it.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private StandaloneSystem? _system;

    public StandaloneSystem System => _system ?? throw new InvalidOperationException("Not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Not started.");

    /// <summary>Configuration on top of the test defaults (which turn proof of work off and lift the rate limits).</summary>
    protected virtual Dictionary<string, string> Settings => new()
    {
        ["SafetyReports:Intake:ProofOfWork:Difficulty"] = "8",
        // Fold windows are aligned to the clock: a day-long one keeps a resubmission a second later
        // in the same window (every other test's report has a title of its own).
        ["SafetyReports:Intake:FoldWindow"] = "1.00:00:00",
    };

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (tests/run-all.sh does).");
        }

        var system = StandaloneSystem.StartAsync(Settings);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Args = ChromiumArgs,
            Headless = true,
        });
        _system = await system;
    }

    /// <param name="javaScript">False for a reporter with JavaScript turned off.</param>
    /// <param name="bypassCsp">Only for injecting test scripts (axe-core): the page's own policy would refuse them.</param>
    /// <param name="locale">The browser's language, which it sends as Accept-Language.</param>
    public async Task<BrowserPage> NewPageAsync(bool javaScript = true, bool bypassCsp = false, string locale = "en-GB")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = System.Url,
            JavaScriptEnabled = javaScript,
            BypassCSP = bypassCsp,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1000, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        return new BrowserPage(context, await context.NewPageAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_system is not null)
        {
            await _system.DisposeAsync();
        }
    }
}
