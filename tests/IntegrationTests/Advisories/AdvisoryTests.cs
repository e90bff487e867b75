using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Advisories;

/// <summary>
/// Advisories end to end on the standalone system: published from a resolved report with a reporter's contact, served as
/// OSV and AVID JSON that validate against the vendored schemas and hold nothing of the reporter, revised into the change
/// feed, and refused for an open report.
/// </summary>
public class AdvisoryTests(StandaloneFixture fixture) : IClassFixture<StandaloneFixture>
{
    private SystemUnderTest Api => fixture.System.Api;

    private Task<HttpResponseMessage> TriageAsync(HttpMethod method, string path, object? body = null) =>
        Api.SendAsync(method, Api.Urls.Triage, "/api/v1/triage" + path, TestClients.Triager, body);

    private Task<HttpResponseMessage> PublicAsync(string path) => Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, path);

    /// <summary>A report from a reporter who left a name and an address, moved to <paramref name="status"/>.</summary>
    private async Task<(Guid Id, string Email, string Title)> ReportAsync(string status)
    {
        var email = $"rita.{Guid.NewGuid():N}@example.org";
        var title = $"Advisory source {Guid.NewGuid():N}";
        var (id, _) = await Api.SubmitAsync(SystemUnderTest.Report("hub-adv", "org/advised-model", title, email));
        var version = (await Api.TriageReportAsync(id))["version"]!.GetValue<long>();
        foreach (var to in status == "resolved" ? new[] { "triaged", "resolved" } : status == "triaged" ? ["triaged"] : [])
        {
            using var moved = await TriageAsync(HttpMethod.Post, $"/reports/{id}/transitions", new { to, expectedVersion = version });
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
            version++;
        }

        return (id, email, title);
    }

    private static object Publish(string summary, int? expectedRevision = null) => new
    {
        fields = new[] { "severity", "summary", "credit", "references", "aliases" },
        summary,
        credit = "Example Lab",
        references = new[] { new { type = "WEB", url = "https://example.net/write-up" } },
        aliases = new[] { "CVE-2026-12345" },
        expectedRevision,
    };

    private async Task<JsonNode> PublishAsync(Guid id, object body, HttpStatusCode expected)
    {
        using var response = await TriageAsync(HttpMethod.Put, $"/reports/{id}/advisory", body);
        Assert.Equal(expected, response.StatusCode);
        return (await SystemUnderTest.JsonAsync(response))["advisory"]!;
    }

    private async Task<string> ServedAsync(string id, string format)
    {
        using var response = await PublicAsync($"/api/v1/advisories/{id}?format={format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_advisory_validates_against_both_schemas_and_never_holds_the_reporters_contact()
    {
        var (id, email, title) = await ReportAsync("resolved");

        using (var preview = await TriageAsync(HttpMethod.Post, $"/reports/{id}/advisory/preview", Publish("Violent instructions on request.")))
        {
            Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
            var body = await SystemUnderTest.JsonAsync(preview);
            Assert.Equal("", body["advisory"]!["id"]!.GetValue<string>());
            Assert.Empty(AdvisorySchemas.Errors(AdvisorySchemas.Avid, body["avid"]!.ToJsonString()));
        }

        using (var notYet = await TriageAsync(HttpMethod.Get, $"/reports/{id}/advisory"))
        {
            Assert.Equal(HttpStatusCode.NotFound, notYet.StatusCode);
        }

        var advisory = await PublishAsync(id, Publish("Violent instructions on request."), HttpStatusCode.Created);
        var advisoryId = advisory["id"]!.GetValue<string>();
        Assert.Matches(@"^SR-\d{4}-\d{4}$", advisoryId);

        var osv = await ServedAsync(advisoryId, "osv");
        var avid = await ServedAsync(advisoryId, "avid");
        Assert.Empty(AdvisorySchemas.Errors(AdvisorySchemas.Osv, osv));
        Assert.Empty(AdvisorySchemas.Errors(AdvisorySchemas.Avid, avid));
        Assert.Empty(AdvisorySchemas.Errors(AdvisorySchemas.AvidStrict, avid));
        Assert.Equal("x_" + advisoryId, JsonNode.Parse(osv)!["id"]!.GetValue<string>());
        Assert.Equal(advisoryId, JsonNode.Parse(avid)!["metadata"]!["report_id"]!.GetValue<string>());
        Assert.Equal(osv, await ServedAsync(advisoryId, "osv"));

        using var list = await PublicAsync("/api/v1/advisories?limit=200");
        var listed = await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(advisoryId, listed);
        var pages = await PageAsync("/advisories") + await PageAsync($"/advisories/{advisoryId}");
        Assert.Contains($"/advisories/{advisoryId}", pages);
        Assert.Contains("Violent instructions on request.", pages);
        Assert.Contains("Example Lab", pages);
        foreach (var served in new[] { osv, avid, listed, pages })
        {
            foreach (var secret in new[] { email, "Rita Reporter", title, "step-by-step instructions", id.ToString() })
            {
                Assert.DoesNotContain(secret, served, StringComparison.OrdinalIgnoreCase);
            }
        }

        var audit = await (await TriageAsync(HttpMethod.Get, $"/reports/{id}/audit")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("advisory_published", audit);
    }

    [Fact]
    public async Task Publishing_an_open_report_is_refused_with_a_clear_error_and_publishes_nothing()
    {
        var (id, _, _) = await ReportAsync("triaged");

        using var refused = await TriageAsync(HttpMethod.Put, $"/reports/{id}/advisory", Publish("Too early."));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Only a resolved or disclosed report can be published as an advisory; this report is triaged.",
            (await SystemUnderTest.JsonAsync(refused))["detail"]!.GetValue<string>());

        using var none = await TriageAsync(HttpMethod.Get, $"/reports/{id}/advisory");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        using var unknown = await TriageAsync(HttpMethod.Put, $"/reports/{Guid.NewGuid()}/advisory", Publish("Nobody's."));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Unapproved_text_is_a_field_error_and_publishes_nothing()
    {
        var (id, email, _) = await ReportAsync("resolved");

        using var bad = await TriageAsync(HttpMethod.Put, $"/reports/{id}/advisory", new { fields = new[] { "credit" }, credit = email, summary = "not approved" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await SystemUnderTest.JsonAsync(bad))["errors"]!;
        Assert.NotNull(errors["credit"]);
        Assert.NotNull(errors["summary"]);
        using var none = await TriageAsync(HttpMethod.Get, $"/reports/{id}/advisory");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Fact]
    public async Task A_revision_changes_modified_and_appears_in_the_change_feed_and_a_cached_copy_is_revalidated()
    {
        var (id, _, _) = await ReportAsync("resolved");
        var first = await PublishAsync(id, Publish("First wording."), HttpStatusCode.Created);
        var advisoryId = first["id"]!.GetValue<string>();
        var firstModified = first["modified"]!.GetValue<DateTimeOffset>();

        // A client syncing from just before the publication sees it, and keeps the feed's next.
        var since = Uri.EscapeDataString(firstModified.AddMilliseconds(-1).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture));
        var feed = await SystemUnderTest.JsonAsync(await PublicAsync($"/api/v1/advisories?since={since}"));
        Assert.Contains(advisoryId, feed["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
        var next = feed["next"]!.GetValue<string>();

        using var served = await PublicAsync($"/api/v1/advisories/{advisoryId}");
        var etag = served.Headers.ETag!;
        Assert.Equal(firstModified.ToUnixTimeSeconds(), served.Content.Headers.LastModified!.Value.ToUnixTimeSeconds());
        Assert.Equal(TimeSpan.FromMinutes(1), served.Headers.CacheControl!.MaxAge);
        Assert.Equal(HttpStatusCode.NotModified, (await ConditionalAsync(advisoryId, etag)).StatusCode);

        // The same content again is no revision; a new wording is.
        var same = await PublishAsync(id, Publish("First wording.", 1), HttpStatusCode.OK);
        Assert.Equal(1, same["revision"]!.GetValue<int>());
        using (var stale = await TriageAsync(HttpMethod.Put, $"/reports/{id}/advisory", Publish("Stale.", 5)))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        var revised = await PublishAsync(id, Publish("Second wording.", 1), HttpStatusCode.OK);
        Assert.Equal((advisoryId, 2), (revised["id"]!.GetValue<string>(), revised["revision"]!.GetValue<int>()));
        Assert.True(revised["modified"]!.GetValue<DateTimeOffset>() > firstModified);
        Assert.Equal(first["published"]!.GetValue<DateTimeOffset>(), revised["published"]!.GetValue<DateTimeOffset>());

        var changes = await SystemUnderTest.JsonAsync(await PublicAsync($"/api/v1/advisories?since={Uri.EscapeDataString(next)}"));
        var change = Assert.Single(changes["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == advisoryId)!;
        Assert.Equal(2, change["revision"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await ConditionalAsync(advisoryId, etag)).StatusCode);

        using (var withdraw = await TriageAsync(HttpMethod.Post, $"/reports/{id}/advisory/withdraw", new { expectedRevision = 2 }))
        {
            Assert.Equal(HttpStatusCode.OK, withdraw.StatusCode);
        }

        var osv = JsonNode.Parse(await ServedAsync(advisoryId, "osv"))!;
        Assert.NotNull(osv["withdrawn"]);
        Assert.Equal(["published", "revised", "withdrawn"], osv["database_specific"]!["history"]!.AsArray().Select(h => h!["change"]!.GetValue<string>()));
        Assert.Empty(AdvisorySchemas.Errors(AdvisorySchemas.Osv, osv.ToJsonString()));
        Assert.Empty(AdvisorySchemas.Errors(AdvisorySchemas.AvidStrict, await ServedAsync(advisoryId, "avid")));
        using var afterWithdrawal = await TriageAsync(HttpMethod.Put, $"/reports/{id}/advisory", Publish("Third wording.", 3));
        Assert.Equal(HttpStatusCode.Conflict, afterWithdrawal.StatusCode);
    }

    [Fact]
    public async Task Public_routes_answer_bad_parameters_with_field_errors_and_unknown_ids_with_404()
    {
        using var format = await PublicAsync("/api/v1/advisories/SR-2026-0001?format=xml");
        Assert.Equal(HttpStatusCode.BadRequest, format.StatusCode);
        using var unknown = await PublicAsync("/api/v1/advisories/SR-1999-9999");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var malformed = await PublicAsync("/api/v1/advisories/not-an-id");
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        using var since = await PublicAsync("/api/v1/advisories?since=yesterday&limit=0");
        var errors = (await SystemUnderTest.JsonAsync(since))["errors"]!;
        Assert.NotNull(errors["since"]);
        Assert.NotNull(errors["limit"]);
    }

    [Fact]
    public async Task The_public_page_of_an_unknown_or_malformed_advisory_is_a_404()
    {
        using var unknown = await Api.SendAsync(HttpMethod.Get, Api.Urls.Intake, "/advisories/SR-1999-9999");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var malformed = await Api.SendAsync(HttpMethod.Get, Api.Urls.Intake, "/advisories/..%2Ftransparency");
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
    }

    private async Task<string> PageAsync(string path)
    {
        using var response = await Api.SendAsync(HttpMethod.Get, Api.Urls.Intake, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private async Task<HttpResponseMessage> ConditionalAsync(string advisoryId, EntityTagHeaderValue etag)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, SystemUnderTest.Url(Api.Urls.Triage, $"/api/v1/advisories/{advisoryId}"));
        request.Headers.IfNoneMatch.Add(etag);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
