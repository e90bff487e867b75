using System.Net;
using System.Text.Json;
using SafetyReports.IntegrationTests.Identity;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Secrets;

/// <summary>
/// With no logging configuration at all (no appsettings: everything at Information), a run's log holds no reporter's
/// e-mail, no search words and no authorization code: ASP.NET Core's own request log wrote each request's query
/// string (<c>q=victim.reporter%40mail…</c>, <c>signin-oidc?code=…</c>). Requests are still logged, without queries.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class RequestLogPrivacyTests
{
    [Fact]
    public async Task A_run_with_the_default_logging_logs_requests_but_no_email_search_words_or_authorization_code()
    {
        var secrets = new KnownSecrets();
        var suffix = Guid.NewGuid().ToString("N")[..10];
        await using var system = await StandaloneProcess.StartAsync(secrets.Settings(),
            withoutSettings: ["Logging:LogLevel:Default", "Logging:LogLevel:Microsoft.AspNetCore"]);
        var api = system.Api;
        var cancel = TestContext.Current.CancellationToken;

        // A report with the reporter's e-mail, and words to search for.
        var email = $"victim.reporter.{suffix}@mail.example";
        string[] words = [$"quokkabridge{suffix}", $"saltmarsh{suffix}"];
        var (id, _) = await api.SubmitAsync(SystemUnderTest.Report("hub-a", "org/model", $"Leaks {words[0]} {words[1]}", email));
        await api.TriageReportAsync(id);
        var query = Uri.EscapeDataString($"{words[0]} {words[1]}");
        using (var search = await api.SendAsync(HttpMethod.Get, api.Urls.Triage, $"/api/v1/triage/reports?q={query}", TestClients.Triager))
        {
            Assert.Contains(id.ToString(), await search.Content.ReadAsStringAsync(cancel));
        }

        // A maintainer looks for the reporter's other reports by their e-mail (this is how it reached the log).
        using (var byEmail = await api.SendAsync(HttpMethod.Get, api.Urls.Triage, $"/api/v1/triage/reports?q={Uri.EscapeDataString(email)}", TestClients.Triager))
        {
            Assert.Equal(HttpStatusCode.OK, byEmail.StatusCode);
        }

        // The first admin signs in to the portal through OpenID Connect, and searches the queue there.
        using var browser = new OidcBrowser(api.Urls.Identity);
        var locations = new List<Uri>();
        using (var login = await FollowAsync(browser, await browser.GetAsync("portal"), locations))
        {
            Assert.Equal("/account/login", login.RequestMessage!.RequestUri!.AbsolutePath);
        }

        using (var signedIn = await FollowAsync(browser,
                   await browser.SubmitLoginAsync(locations[^1].PathAndQuery, KnownSecrets.AdminEmail, secrets.AdminPassword), locations))
        {
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        }

        var code = locations.Select(l => OidcBrowser.QueryValue(l, "code")).Single(c => c is not null)!;
        using (var portalSearch = await browser.GetAsync($"portal?q={query}"))
        {
            Assert.Contains(words[0], await portalSearch.Content.ReadAsStringAsync(cancel));
        }

        using (var portalByEmail = await browser.GetAsync($"portal?q={Uri.EscapeDataString(email)}"))
        {
            Assert.Equal(HttpStatusCode.OK, portalByEmail.StatusCode);
        }

        var log = system.Logs();
        // Requests are logged, their queries are not.
        Assert.Contains("GET /api/v1/triage/reports?[redacted] answered 200", log);
        Assert.Contains("GET /portal/signin-oidc?[redacted] answered 302", log);
        var found = new[] { ("the reporter's e-mail", email), ("a search word", words[0]), ("a search word", words[1]), ("the authorization code", code) }
            .Where(v => Spellings(v.Item2).Any(s => log.Contains(s, StringComparison.OrdinalIgnoreCase)))
            .Select(v => v.Item1)
            .ToList();
        Assert.True(found.Count == 0, "in the log: " + string.Join(", ", found));
    }

    /// <summary>As written, JSON-escaped (the console logs JSON) and URL-encoded.</summary>
    private static IEnumerable<string> Spellings(string value) =>
        [value, JsonSerializer.Serialize(value)[1..^1], Uri.EscapeDataString(value), WebUtility.UrlEncode(value)];

    private static async Task<HttpResponseMessage> FollowAsync(OidcBrowser browser, HttpResponseMessage response, List<Uri> locations)
    {
        for (var hops = 0; hops < 10 && (int)response.StatusCode is 301 or 302 or 303; hops++)
        {
            var location = response.Headers.Location!;
            response.Dispose();
            var next = location.IsAbsoluteUri ? location : new Uri(browser.Http.BaseAddress!, location);
            locations.Add(next);
            response = await browser.GetAsync(next.ToString());
        }

        return response;
    }
}
