using System.Globalization;

namespace SafetyReports.IntegrationTests.Browser;

/// <summary>Proof of work at the production default: 16 leading zero bits.</summary>
public sealed class DefaultDifficultyBrowserFixture : BrowserFixture
{
    protected override Dictionary<string, string> Settings => new(base.Settings)
    {
        ["SafetyReports:Intake:ProofOfWork:Difficulty"] = "16",
    };
}

/// <summary>
/// A measurement, not a test: how long the form's script takes to fetch and solve a challenge at the
/// default difficulty in this machine's Chromium. Explicit, so it runs only when asked (docs/intake.md):
/// <c>dotnet tests/IntegrationTests/bin/Debug/net10.0/SafetyReports.IntegrationTests.dll -class "*ProofOfWorkTiming" -explicit only -showLiveOutput</c>
/// </summary>
[Trait("Speed", "Slow")]
public class ProofOfWorkTiming(DefaultDifficultyBrowserFixture browser, ITestOutputHelper output) : IClassFixture<DefaultDifficultyBrowserFixture>
{
    private const int Runs = 40;

    [Fact(Explicit = true)]
    public async Task Solve_time_at_difficulty_16()
    {
        var milliseconds = new List<double>();
        var hashes = new List<long>();
        await using var tab = await browser.NewPageAsync();
        for (var run = 0; run < Runs; run++)
        {
            await tab.GotoAsync("/");
            var form = tab.Page.Locator("#report-form[data-pow-state='solved']");
            await form.WaitForAsync(new() { Timeout = 60_000 });
            milliseconds.Add(double.Parse((await form.GetAttributeAsync("data-pow-ms"))!, CultureInfo.InvariantCulture));
            hashes.Add(long.Parse((await form.GetAttributeAsync("data-pow-hashes"))!, CultureInfo.InvariantCulture));
        }

        milliseconds.Sort();
        double Percentile(double p) => milliseconds[(int)Math.Ceiling(p * milliseconds.Count) - 1];
        var rate = hashes.Sum() / (milliseconds.Sum() / 1000);
        output.WriteLine($"{Runs} solves at difficulty 16 in {await tab.Page.EvaluateAsync<string>("navigator.userAgent")}");
        output.WriteLine($"median {Percentile(0.5):F0} ms, p90 {Percentile(0.9):F0} ms, min {milliseconds[0]:F0} ms, max {milliseconds[^1]:F0} ms");
        output.WriteLine($"mean hashes {hashes.Average():F0} (expected 65536), about {rate:F0} hashes/s");
        tab.AssertNoConsoleErrors();
    }
}
