using System.Net;
using System.Net.Http.Json;
using SafetyReports.IntegrationTests.Authorization;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Hardening;

/// <summary>
/// Every endpoint of the authorization matrix (Intake's pages and API, Identity's pages and OAuth
/// endpoints, the Portal signed in and not, every API's answers including 401/403/404), as an anonymous
/// visitor, a signed-in triager and a signed-in admin, carries the hardening headers and safe cookies.
/// </summary>
public sealed class ResponseHeaderTests(MatrixFixture fixture) : IClassFixture<MatrixFixture>
{
    [Fact]
    public async Task Every_page_and_api_answer_carries_the_hardening_headers()
    {
        var faults = new List<string>();
        var checkedResponses = 0;
        foreach (var row in AuthorizationMatrix.Rows)
        {
            foreach (var caller in new[] { Caller.Anonymous, Caller.ReportTokenHolder, Caller.Triager, Caller.Admin })
            {
                using var response = await fixture.SendAsync(caller, row);
                checkedResponses++;
                faults.AddRange(ResponseHeaderRules.Faults(response).Select(f => $"{row} as {caller} ({(int)response.StatusCode}): {f}"));
            }
        }

        // A report that is accepted (202) and its status page: the answers a reporter keeps.
        using (var accepted = await fixture.System.Api.Http.PostAsync(fixture.System.Url + "/api/v1/reports",
                   JsonContent.Create(SystemUnderTest.Report("hub-c", "org/headers", "Headers of an accepted report")),
                   TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            faults.AddRange(ResponseHeaderRules.Faults(accepted).Select(f => $"POST /api/v1/reports (202): {f}"));
        }

        Assert.True(checkedResponses > 300, $"only {checkedResponses} answers checked");
        Assert.True(faults.Count == 0, $"{faults.Count} faults:\n{string.Join('\n', faults.Distinct())}");
    }

    [Fact]
    public void The_cookies_of_signing_in_are_HttpOnly_and_SameSite()
    {
        Assert.NotEmpty(fixture.SignInCookies);
        Assert.Contains(fixture.SignInCookies, c => c.StartsWith("safetyreports.portal", StringComparison.Ordinal));
        Assert.Contains(fixture.SignInCookies, c => c.StartsWith("safetyreports.identity", StringComparison.Ordinal));
        var faults = fixture.SignInCookies.SelectMany(c => ResponseHeaderRules.CookieFaults(c, https: false)).ToList();
        Assert.True(faults.Count == 0, string.Join('\n', faults));
    }
}
