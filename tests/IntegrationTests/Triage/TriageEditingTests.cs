using System.Net;
using System.Text.Json.Nodes;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Triage;

/// <summary>Assignment, classification and bulk rejection through the API, with their audit entries.</summary>
public class TriageEditingTests(StandaloneFixture fixture) : IClassFixture<StandaloneFixture>
{
    private SystemUnderTest Api => fixture.System.Api;

    private Task<HttpResponseMessage> PostAsync(string path, object body) =>
        Api.SendAsync(HttpMethod.Post, Api.Urls.Triage, "/api/v1/triage" + path, TestClients.Triager, body);

    private async Task<(Guid Id, long Version)> NewReportAsync(string title)
    {
        var (id, _) = await Api.SubmitAsync(SystemUnderTest.Report("hub-edit", "org/model", title));
        var report = await Api.TriageReportAsync(id);
        return (id, report["version"]!.GetValue<long>());
    }

    private async Task<JsonArray> AuditAsync(Guid id)
    {
        using var response = await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, $"/api/v1/triage/reports/{id}/audit", TestClients.Triager);
        return (await SystemUnderTest.JsonAsync(response)).AsArray();
    }

    [Fact]
    public async Task The_report_view_carries_assignee_deadline_overdue_and_allowed_transitions()
    {
        var (id, _) = await NewReportAsync("View fields");
        var report = await Api.TriageReportAsync(id);

        var received = report["receivedAt"]!.GetValue<DateTimeOffset>();
        // The test report is "high": 24 hours by default.
        Assert.Equal(received.AddHours(24), report["deadline"]!.GetValue<DateTimeOffset>());
        Assert.False(report["overdue"]!.GetValue<bool>());
        Assert.Null(report["assignee"]);
        Assert.Equal(["triaging", "needs_info", "triaged", "rejected", "duplicate"],
            report["allowedTransitions"]!.AsArray().Select(s => s!.GetValue<string>()));
        foreach (var field in new[] { "notes", "publicNotes", "reporterMessages" })
        {
            Assert.Empty(report[field]!.AsArray());
        }

        Assert.True(report.AsObject().ContainsKey("hostResponse"));
        Assert.True(report.AsObject().ContainsKey("duplicateOf"));
    }

    [Fact]
    public async Task Assignment_bumps_the_version_is_audited_and_a_stale_version_is_409()
    {
        var (id, version) = await NewReportAsync("Assignment");

        using (var claimed = await PostAsync($"/reports/{id}/assignment", new { assignee = "ana@example.org", expectedVersion = version }))
        {
            Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
            var body = await SystemUnderTest.JsonAsync(claimed);
            Assert.Equal("ana@example.org", body["assignee"]!.GetValue<string>());
            Assert.Equal(version + 1, body["version"]!.GetValue<long>());
        }

        using (var stale = await PostAsync($"/reports/{id}/assignment", new { assignee = "bo@example.org", expectedVersion = version }))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        }

        using (var bad = await PostAsync($"/reports/{id}/assignment", new { assignee = "two\nlines", expectedVersion = version + 1 }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.NotNull((await SystemUnderTest.JsonAsync(bad))["errors"]!["assignee"]);
        }

        using (var unknown = await PostAsync($"/reports/{Guid.NewGuid()}/assignment", new { assignee = "ana", expectedVersion = 1 }))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        using (var released = await PostAsync($"/reports/{id}/assignment", new { assignee = (string?)null, expectedVersion = version + 1 }))
        {
            Assert.Equal(HttpStatusCode.OK, released.StatusCode);
            Assert.Null((await SystemUnderTest.JsonAsync(released))["assignee"]);
        }

        var audit = await AuditAsync(id);
        Assert.Equal(["received", "assignment", "assignment"], audit.Select(e => e!["action"]!.GetValue<string>()));
        Assert.Equal(TestClients.Triager.ClientId, audit[1]!["actor"]!.GetValue<string>());

        var assigned = await Api.TriageReportAsync(id);
        Assert.Equal(version + 2, assigned["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_queue_lists_assignee_deadline_and_overdue_and_filters_by_assignee()
    {
        var (id, version) = await NewReportAsync("Queue fields");
        var assignee = $"{Guid.NewGuid():N}@example.org";
        using (await PostAsync($"/reports/{id}/assignment", new { assignee, expectedVersion = version }))
        {
        }

        using var response = await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, $"/api/v1/triage/reports?assignee={Uri.EscapeDataString(assignee)}", TestClients.Triager);
        var item = Assert.Single((await SystemUnderTest.JsonAsync(response))["items"]!.AsArray())!;
        Assert.Equal(id.ToString(), item["id"]!.GetValue<string>());
        Assert.Equal(assignee, item["assignee"]!.GetValue<string>());
        Assert.NotNull(item["deadline"]);
        Assert.False(item["overdue"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Classification_changes_severity_and_category_and_a_stale_version_is_409()
    {
        var (id, version) = await NewReportAsync("Classification");

        using (var classified = await PostAsync($"/reports/{id}/classification", new { severity = "critical", category = "privacy", expectedVersion = version }))
        {
            Assert.Equal(HttpStatusCode.OK, classified.StatusCode);
            var body = await SystemUnderTest.JsonAsync(classified);
            Assert.Equal(("critical", "privacy", "received"),
                (body["severity"]!.GetValue<string>(), body["category"]!.GetValue<string>(), body["status"]!.GetValue<string>()));
            // The deadline follows the new severity: 4 hours for critical.
            Assert.Equal(body["receivedAt"]!.GetValue<DateTimeOffset>().AddHours(4), body["deadline"]!.GetValue<DateTimeOffset>());
        }

        using (var stale = await PostAsync($"/reports/{id}/classification", new { severity = "low", expectedVersion = version }))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        using (var bad = await PostAsync($"/reports/{id}/classification", new { category = "spam", expectedVersion = version + 1 }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.NotNull((await SystemUnderTest.JsonAsync(bad))["errors"]!["category"]);
        }

        Assert.Equal("classification", (await AuditAsync(id))[^1]!["action"]!.GetValue<string>());
        Assert.Equal("critical", (await Api.TriageReportAsync(id))["severity"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bulk_reject_rejects_what_it_may_and_reports_conflicts_and_unknown_ids()
    {
        var (spam, _) = await NewReportAsync("Spam 1");
        var (triaged, version) = await NewReportAsync("Not spam");
        using (var moved = await PostAsync($"/reports/{triaged}/transitions", new { to = "triaged", expectedVersion = version }))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        using (var resolved = await PostAsync($"/reports/{triaged}/transitions", new { to = "resolved", expectedVersion = version + 1 }))
        {
            Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        }

        var unknown = Guid.NewGuid();
        using var response = await PostAsync("/reports/bulk-reject", new { ids = new[] { spam, triaged, unknown }, note = "spam wave" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await SystemUnderTest.JsonAsync(response))["results"]!.AsArray()
            .ToDictionary(r => Guid.Parse(r!["id"]!.GetValue<string>()), r => r!["outcome"]!.GetValue<string>());
        Assert.Equal(new Dictionary<Guid, string> { [spam] = "rejected", [triaged] = "conflict", [unknown] = "not_found" }, results);

        var rejected = await Api.TriageReportAsync(spam);
        Assert.Equal("rejected", rejected["status"]!.GetValue<string>());
        Assert.Equal("spam wave", rejected["notes"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("resolved", (await Api.TriageReportAsync(triaged))["status"]!.GetValue<string>());

        using var empty = await PostAsync("/reports/bulk-reject", new { ids = Array.Empty<Guid>(), note = "spam" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        using var tooMany = await PostAsync("/reports/bulk-reject", new { ids = Enumerable.Range(0, 201).Select(_ => Guid.NewGuid()), note = "spam" });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }

    [Fact]
    public async Task Counts_sorts_and_search_answer_through_the_api()
    {
        var host = $"hub-{Guid.NewGuid():N}"[..20];
        var first = (await Api.SubmitAsync(SystemUnderTest.Report(host, "org/model", "Counting zebras"))).Id;
        var second = (await Api.SubmitAsync(SystemUnderTest.Report(host, "org/model", "Counting lions"))).Id;
        await Api.TriageReportAsync(first);
        var version = (await Api.TriageReportAsync(second))["version"]!.GetValue<long>();
        using (await PostAsync($"/reports/{second}/transitions", new { to = "triaging", expectedVersion = version }))
        {
        }

        async Task<JsonNode> GetAsync(string path)
        {
            using var response = await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, "/api/v1/triage" + path, TestClients.Triager);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await SystemUnderTest.JsonAsync(response);
        }

        var counts = await GetAsync($"/reports/counts?modelHost={host}");
        Assert.Equal(2, counts["total"]!.GetValue<long>());
        Assert.Equal((1L, 1L, 0L), (counts["counts"]!["received"]!.GetValue<long>(), counts["counts"]!["triaging"]!.GetValue<long>(),
            counts["counts"]!["needs_info"]!.GetValue<long>()));
        Assert.False(counts["capped"]!.GetValue<bool>());
        var searched = await GetAsync($"/reports/counts?modelHost={host}&q=ZEBRAS");
        Assert.Equal((1L, false), (searched["total"]!.GetValue<long>(), searched["capped"]!.GetValue<bool>()));
        Assert.Equal(0, (await GetAsync($"/reports/counts?modelHost={host}&overdue=true"))["total"]!.GetValue<long>());

        var oldest = (await GetAsync($"/reports?modelHost={host}&sort=oldest"))["items"]!.AsArray();
        var newest = (await GetAsync($"/reports?modelHost={host}&sort=newest"))["items"]!.AsArray();
        Assert.Equal(oldest.Select(i => i!["id"]!.GetValue<string>()).Reverse(), newest.Select(i => i!["id"]!.GetValue<string>()));
        Assert.Equal(2, (await GetAsync($"/reports?modelHost={host}&sort=deadline"))["items"]!.AsArray().Count);
        Assert.Equal(second.ToString(), Assert.Single((await GetAsync($"/reports?modelHost={host}&q=LIONS"))["items"]!.AsArray())!["id"]!.GetValue<string>());

        using var bad = await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, "/api/v1/triage/reports?sort=random", TestClients.Triager);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull((await SystemUnderTest.JsonAsync(bad))["errors"]!["sort"]);
    }
}
