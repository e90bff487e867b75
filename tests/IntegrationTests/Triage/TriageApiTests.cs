using System.Net;
using System.Text.Json.Nodes;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Triage;

public class TriageApiTests(StandaloneFixture fixture) : IClassFixture<StandaloneFixture>
{
    private SystemUnderTest Api => fixture.System.Api;

    private Task<HttpResponseMessage> TransitionAsync(Guid id, object body) =>
        Api.SendAsync(HttpMethod.Post, Api.Urls.Triage, $"/api/v1/triage/reports/{id}/transitions", TestClients.Triager, body);

    [Fact]
    public async Task A_stale_version_and_a_forbidden_transition_are_409_and_change_nothing()
    {
        var (id, _) = await Api.SubmitAsync(SystemUnderTest.Report("hub-x", "org/model", "Concurrency"));
        var report = await Api.TriageReportAsync(id);
        var version = report["version"]!.GetValue<long>();

        using (var first = await TransitionAsync(id, new { to = "triaging", expectedVersion = version }))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(version + 1, (await SystemUnderTest.JsonAsync(first))["version"]!.GetValue<long>());
        }

        using (var stale = await TransitionAsync(id, new { to = "rejected", expectedVersion = version }))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        }

        using (var forbidden = await TransitionAsync(id, new { to = "acknowledged", expectedVersion = version + 1 }))
        {
            Assert.Equal(HttpStatusCode.Conflict, forbidden.StatusCode);
        }

        var after = await Api.TriageReportAsync(id);
        Assert.Equal("triaging", after["status"]!.GetValue<string>());
        Assert.Equal(version + 1, after["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task Invalid_transitions_are_400_with_field_errors()
    {
        var (id, _) = await Api.SubmitAsync(SystemUnderTest.Report("hub-x", "org/model", "Invalid moves"));
        var report = await Api.TriageReportAsync(id);
        using var response = await TransitionAsync(id, new { to = "duplicate", expectedVersion = report["version"]!.GetValue<long>(), duplicateOf = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await SystemUnderTest.JsonAsync(response))["errors"]!["duplicateOf"]);
        using var unknown = await TransitionAsync(Guid.NewGuid(), new { to = "triaging", expectedVersion = 1 });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_queue_filters_and_pages_without_contact_or_evidence()
    {
        var host = $"hub-{Guid.NewGuid():N}"[..20];
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await Api.SubmitAsync(SystemUnderTest.Report(host, $"org/model-{i}", $"Queue item {i}", "someone@example.org"))).Id);
        }

        foreach (var id in ids)
        {
            await Api.TriageReportAsync(id);
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var path = $"/api/v1/triage/reports?modelHost={host}&limit=2" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            using var response = await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, path, TestClients.Triager);
            var page = await SystemUnderTest.JsonAsync(response);
            foreach (var item in page["items"]!.AsArray())
            {
                seen.Add(item!["id"]!.GetValue<string>());
                Assert.Null(item["reporter"]);
                Assert.Null(item["evidence"]);
                Assert.DoesNotContain("someone@example.org", item.ToJsonString());
            }

            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.Equal(ids.Select(i => i.ToString()).OrderBy(x => x), seen.OrderBy(x => x));

        using var search = await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, $"/api/v1/triage/reports?modelHost={host}&q=QUEUE%20ITEM%203", TestClients.Triager);
        var found = Assert.Single((await SystemUnderTest.JsonAsync(search))["items"]!.AsArray());
        Assert.Equal(ids[3].ToString(), found!["id"]!.GetValue<string>());

        using var bad = await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, "/api/v1/triage/reports?status=nope&cursor=%%%", TestClients.Triager);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Reporter_contact_is_shown_to_maintainers_but_stored_encrypted()
    {
        var email = $"secret-{Guid.NewGuid():N}@example.org";
        var (id, _) = await Api.SubmitAsync(SystemUnderTest.Report("hub-x", "org/model", "Contact", email));
        var report = await Api.TriageReportAsync(id);
        Assert.Equal(email, report["reporter"]!["email"]!.GetValue<string>());
        Assert.True(report["contactAllowed"]!.GetValue<bool>());

        foreach (var file in Directory.EnumerateFiles(fixture.System.DataDirectory, "*.db*"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            Assert.DoesNotContain(email, await reader.ReadToEndAsync(TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task Notes_are_recorded_in_the_audit_chain_which_verifies()
    {
        var (id, _) = await Api.SubmitAsync(SystemUnderTest.Report("hub-x", "org/model", "Notes"));
        await Api.TriageReportAsync(id);
        using (var note = await Api.SendAsync(HttpMethod.Post, Api.Urls.Triage, $"/api/v1/triage/reports/{id}/notes", TestClients.Triager, new { text = "looked at it" }))
        {
            Assert.Equal(HttpStatusCode.OK, note.StatusCode);
        }

        using (var empty = await Api.SendAsync(HttpMethod.Post, Api.Urls.Triage, $"/api/v1/triage/reports/{id}/notes", TestClients.Triager, new { text = "" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        }

        using var audit = await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, $"/api/v1/triage/reports/{id}/audit", TestClients.Triager);
        var entries = (await SystemUnderTest.JsonAsync(audit)).AsArray();
        Assert.Equal(["received", "note"], entries.Select(e => e!["action"]!.GetValue<string>()));
        Assert.Equal(TestClients.Triager.ClientId, entries[1]!["actor"]!.GetValue<string>());

        using var verify = await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, "/api/v1/triage/audit/verify", TestClients.Triager);
        Assert.True((await SystemUnderTest.JsonAsync(verify))["valid"]!.GetValue<bool>());
    }
}
