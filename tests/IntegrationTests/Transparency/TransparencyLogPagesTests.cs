using System.Net;
using System.Text.RegularExpressions;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Transparency;

/// <summary>
/// The public site shows the log: the transparency page the latest signed checkpoint, the reporter's status page the leaf
/// of their report's receipt (the same leaf the log's API lists for the report).
/// </summary>
public partial class TransparencyLogPagesTests(StandaloneFixture fixture) : IClassFixture<StandaloneFixture>
{
    private StandaloneSystem System => fixture.System;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_transparency_page_shows_the_checkpoint_and_the_status_page_the_receipts_leaf()
    {
        var (id, token) = await System.Api.SubmitAsync(SystemUnderTest.Report("hub-page", "org/page", "Transparency log on the pages"));
        await System.Api.TriageReportAsync(id);
        var leaf = await Eventually.UntilAsync(async () =>
        {
            var leaves = await SystemUnderTest.JsonAsync(await System.Api.SendAsync(HttpMethod.Get, System.Api.Urls.Triage, $"/api/v1/transparency/log/leaves?report={id}"));
            return leaves["leaves"]!.AsArray().FirstOrDefault(l => l!["action"]!.GetValue<string>() == "received")?["index"]!.GetValue<long>() is { } index
                ? (object)index : null;
        }, TimeSpan.FromSeconds(60), "the report's received leaf");

        using var http = new HttpClient(new HttpClientHandler { UseCookies = false });
        var page = await http.GetStringAsync(System.Url + "/transparency", Ct);
        var section = page[page.IndexOf("<section id=\"audit-log\"", StringComparison.Ordinal)..];
        // The signed note as served (line feeds and signs HTML-encoded in the markup; a browser shows the text).
        Assert.Matches("^<pre id=\"log-checkpoint\"><code>safetyreports.local/audit\n[0-9]+\n[A-Za-z0-9+/=]{44}\n\n\u2014 safetyreports.local/audit ",
            WebUtility.HtmlDecode(section[section.IndexOf("<pre", StringComparison.Ordinal)..]));

        using var form = await http.GetAsync(System.Url + "/status", Ct);
        var cookie = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var antiforgery = WebUtility.HtmlDecode(AntiforgeryField().Match(await form.Content.ReadAsStringAsync(Ct)).Groups[1].Value);
        using var post = new HttpRequestMessage(HttpMethod.Post, System.Url + "/status")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = id.ToString(), ["token"] = token, ["__RequestVerificationToken"] = antiforgery }),
        };
        post.Headers.Add("Cookie", cookie);
        using var status = await http.SendAsync(post, Ct);
        var body = await status.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Contains($"<dd id=\"log-leaf\">leaf {leaf} (the report&#x27;s receipt)</dd>", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/transparency/log/leaves?report=not-a-uuid", "report")]
    [InlineData("/api/v1/transparency/log/leaves?report=0b6f2a4e-0c1d-4a4b-9d1e-3f4a5b6c7d8e&start=0", "start")]
    public async Task A_bad_report_query_is_a_problem_naming_the_field(string path, string field)
    {
        using var response = await System.Api.SendAsync(HttpMethod.Get, System.Api.Urls.Triage, path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await SystemUnderTest.JsonAsync(response))["errors"]![field]);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
