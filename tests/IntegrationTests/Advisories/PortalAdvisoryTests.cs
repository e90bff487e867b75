using System.Net;
using SafetyReports.IntegrationTests.HostileInput;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Advisories;

/// <summary>
/// The portal's advisory page as a signed-in maintainer without JavaScript: a preview shows the JSON that would be served
/// and saves nothing, publishing redirects to the page that names the new advisory, and an open report is refused on the page.
/// </summary>
public sealed class PortalAdvisoryTests(PortalHostileInputFixture fixture) : IClassFixture<PortalHostileInputFixture>
{
    private async Task<Guid> ReportAsync(bool resolve)
    {
        var api = fixture.System.Api;
        var (id, _) = await api.SubmitAsync(SystemUnderTest.Report("hub-portal-adv", "org/portal-advised", $"Portal advisory source {Guid.NewGuid():N}", "rita.portal@example.org"));
        var version = (await api.TriageReportAsync(id))["version"]!.GetValue<long>();
        foreach (var to in resolve ? new[] { "triaged", "resolved" } : ["triaged"])
        {
            using var moved = await api.SendAsync(HttpMethod.Post, api.Urls.Triage, $"/api/v1/triage/reports/{id}/transitions", TestClients.Triager,
                new { to, expectedVersion = version++ });
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        return id;
    }

    private const string Form = "fields=severity&fields=summary&fields=references&summary=Published+from+the+portal.&references=ARTICLE+https%3A%2F%2Fexample.net%2Fa%0Ahttps%3A%2F%2Fexample.net%2Fb";

    [Fact]
    public async Task A_maintainer_previews_then_publishes_an_advisory_from_the_portal()
    {
        var id = await ReportAsync(resolve: true);
        using var portal = await fixture.SignedInAdminAsync();

        var preview = portal.Post($"/portal/reports/{id}/advisory?handler=preview", Form);
        Assert.Equal(HttpStatusCode.OK, preview.Answer.Status);
        Assert.False(preview.ShowsAnError, preview.ToString());
        Assert.Contains("id=\"advisory-osv\"", preview.Answer.Body);
        Assert.Contains("Published from the portal.", preview.Answer.Body);
        Assert.Contains("\"url\": \"https://example.net/b\"", WebUtility.HtmlDecode(preview.Answer.Body));
        Assert.DoesNotContain("rita.portal@example.org", preview.Answer.Body);
        Assert.Contains("id=\"advisory-none\"", portal.Get($"/portal/reports/{id}/advisory").Answer.Body);

        var published = portal.Post($"/portal/reports/{id}/advisory?handler=publish", Form);
        Assert.True(published.Accepted, published.ToString());
        var page = portal.Get(published.Location!).Answer.Body;
        Assert.Matches("Published as SR-\\d{4}-\\d{4}, revision 1", page);
        Assert.Contains("id=\"page-notice\"", page);
    }

    [Fact]
    public async Task Publishing_an_open_report_from_the_portal_shows_why_and_publishes_nothing()
    {
        var id = await ReportAsync(resolve: false);
        using var portal = await fixture.SignedInAdminAsync();

        var refused = portal.Post($"/portal/reports/{id}/advisory?handler=publish", Form);
        Assert.True(refused.ShowsAnError, refused.ToString());
        Assert.Contains("Only a resolved or disclosed report can be published as an advisory; this report is triaged.", WebUtility.HtmlDecode(refused.Answer.Body));
        Assert.Contains("id=\"advisory-none\"", portal.Get($"/portal/reports/{id}/advisory").Answer.Body);
    }
}
