using Microsoft.Playwright;
using SafetyReports.IntegrationTests.Notification;

namespace SafetyReports.IntegrationTests.Browser;

/// <summary>
/// Every public and portal page in Chromium: its own scripts, styles, images and forms cause no Content
/// Security Policy violation (the page's <c>securitypolicyviolation</c> events and Chromium's console are
/// both watched), and a script injected inline into the page (as an XSS would) is blocked by the policy.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class ContentSecurityPolicyTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    /// <summary>Runs before any script of each page (Playwright injects it outside the page's policy).</summary>
    private const string RecordViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
        """;

    /// <summary>Adds an inline script to the page; answers the directive that blocked it, or "ran" when it ran.</summary>
    private const string InjectInlineScript = """
        () => new Promise(resolve => {
            document.addEventListener('securitypolicyviolation', e => resolve(e.violatedDirective), { once: true });
            const script = document.createElement('script');
            script.textContent = 'window.__injectedRan = true;';
            document.body.appendChild(script);
            setTimeout(() => resolve(window.__injectedRan ? 'ran' : 'no event'), 5000);
        })
        """;

    private static readonly string[] PublicPages =
    [
        "/", "/status", "/about", "/transparency", "/transparency/models?host=hub-a", "/account/login", "/account/logout",
        "/portal/signed-out", "/portal/forbidden",
    ];

    [Fact]
    public async Task Public_pages_cause_no_policy_violation_and_block_an_injected_inline_script()
    {
        await using var tab = await portal.NewPageAsync();
        await CheckEveryPageAsync(tab, PublicPages);
    }

    [Fact]
    public async Task Portal_pages_cause_no_policy_violation_and_block_an_injected_inline_script()
    {
        await new NotificationClient(portal.System.Api).EnsureHostAsync("hub-a");
        var report = await portal.SubmitAsync($"Policy check {Guid.NewGuid():N}", "Plain text.");
        await using var admin = await portal.SignedInAsync(PortalFixture.AdminEmail, PortalFixture.AdminPassword);
        await CheckEveryPageAsync(admin,
        [
            "/portal", $"/portal/reports/{report}", "/portal/dashboard", "/portal/admin/users", "/portal/admin/clients", "/portal/admin/hosts",
            "/portal/admin/hosts/hub-a", "/portal/admin/hosts/hub-a/deliveries", "/portal/admin/notices", "/portal/signout",
        ]);
    }

    [Fact]
    public async Task Host_inbox_pages_cause_no_policy_violation_and_block_an_injected_inline_script()
    {
        var hostId = $"csp-{Guid.NewGuid():N}"[..16];
        await new NotificationClient(portal.System.Api).EnsureHostAsync(hostId);
        var email = $"{hostId}@hub.example";
        await portal.CreateHostUserAsync(email, "host user passphrase, long enough", hostId);
        var (report, _) = await portal.SubmitForHostAsync(hostId, $"Policy check {hostId}", $"{hostId}@example.org");
        await using var host = await portal.SignedInAsync(email, "host user passphrase, long enough");
        await CheckEveryPageAsync(host,
        [
            "/portal/host", $"/portal/host/reports/{report}", "/portal/host/subscriptions", "/portal/host/deliveries", "/portal/signout", "/portal/forbidden",
        ]);
    }

    private static async Task CheckEveryPageAsync(BrowserPage tab, IReadOnlyList<string> paths)
    {
        var page = tab.Page;
        await page.Context.AddInitScriptAsync(RecordViolations);
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (console)
                {
                    console.Add(message.Text);
                }
            }
        };

        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            var policy = (await response!.AllHeadersAsync())["content-security-policy"];
            Assert.True(policy.Contains("default-src", StringComparison.Ordinal) && !policy.Contains("unsafe-inline", StringComparison.Ordinal), $"{path}: {policy}");
            var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations");
            Assert.True(violations.Length == 0, $"{path}: {string.Join(" | ", violations)}");
            lock (console)
            {
                Assert.True(console.Count == 0, $"{path}: {string.Join(" | ", console)}");
            }

            // Chromium reports the blocked script on the console too: wait for that, so it is not taken for the next page's.
            var reported = page.WaitForConsoleMessageAsync(new PageWaitForConsoleMessageOptions
            {
                Predicate = m => m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase), Timeout = 10_000,
            });
            var blockedBy = await page.EvaluateAsync<string>(InjectInlineScript);
            Assert.True(blockedBy is "script-src-elem" or "script-src", $"{path}: the injected inline script → {blockedBy}");
            Assert.False(await page.EvaluateAsync<bool>("() => window.__injectedRan === true"), path);
            Assert.Contains("inline script", (await reported).Text, StringComparison.OrdinalIgnoreCase);
            lock (console)
            {
                console.Clear();
            }
        }
    }
}
