using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Intake;

/// <summary>
/// The public transparency page reads Triage over HTTP (<c>SafetyReports:Intake:TransparencySource</c>). When
/// Triage is out of reach, or holds the connection without answering, the page says so with a 503 and no stack
/// trace, within its short timeout, and the rest of the public site keeps working.
/// </summary>
[Trait("Speed", "Slow")]
public class TransparencySourceTests
{
    [Fact]
    public async Task An_unreachable_Triage_gives_a_clear_503_page_and_the_report_form_still_works()
    {
        await using var system = await StandaloneSystem.StartAsync(new Dictionary<string, string>
        {
            ["SafetyReports:Intake:TransparencySource"] = $"http://127.0.0.1:{FreePort.Next()}/",
        });
        var http = system.Api.Http;

        using var page = await http.GetAsync(system.Url + "/transparency", TestContext.Current.CancellationToken);
        var body = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Figures unavailable", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at SafetyReports", body, StringComparison.Ordinal);
        Assert.Equal("60", page.Headers.RetryAfter?.ToString());

        using var download = await http.GetAsync(system.Url + "/transparency/hosts.csv", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, download.StatusCode);
        Assert.Equal("application/problem+json", download.Content.Headers.ContentType?.MediaType);

        using var form = await http.GetAsync(system.Url + "/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var (id, _) = await system.Api.SubmitAsync(SystemUnderTest.Report("hub-c", "org/still-works", "Reported while the figures are unavailable"));
        await system.Api.TriageReportAsync(id);
    }

    [Fact]
    public async Task A_Triage_that_never_answers_is_given_up_on_after_the_timeout()
    {
        // Accepts connections (the kernel's backlog) and never reads or answers.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        await using var system = await StandaloneSystem.StartAsync(new Dictionary<string, string>
        {
            ["SafetyReports:Intake:TransparencySource"] = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}",
        });

        var watch = Stopwatch.StartNew();
        using var page = await system.Api.Http.GetAsync(system.Url + "/transparency", TestContext.Current.CancellationToken);
        watch.Stop();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));

        using var status = await system.Api.Http.GetAsync(system.Url + "/status", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://[::]:5000", "http://[::1]:5000/")]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://+:8080", "http://127.0.0.1:8080/")]
    [InlineData("https://localhost:5001|http://localhost:5000", "http://localhost:5000/")]
    [InlineData("https://localhost:5001", "https://localhost:5001/")]
    [InlineData("", null)]
    public void Standalone_calls_itself_on_its_first_plain_HTTP_address_with_wildcards_as_loopback(string addresses, string? expected)
    {
        var resolved = SafetyReports.Standalone.OwnTransparencySource.Resolve(addresses.Split('|', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(expected, resolved?.AbsoluteUri);
    }

    [Fact]
    public async Task Standalone_reads_the_figures_from_its_own_address_without_configuration()
    {
        await using var system = await StandaloneSystem.StartAsync();

        using var page = await system.Api.Http.GetAsync(system.Url + "/transparency?from=2001-01&to=2001-01", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("No host is listed for this period.", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
