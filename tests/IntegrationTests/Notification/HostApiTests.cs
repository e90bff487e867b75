using System.Net;
using System.Text.Json.Nodes;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Notification;

public sealed class HostApiFixture : NotificationSystemFixture
{
    // Reminders every two seconds, looked for five times a second.
    protected override Dictionary<string, string> Configure() =>
        Settings(("ReminderInterval", "00:00:02"), ("ReminderCheckInterval", "00:00:00.200"));
}

/// <summary>The host API: each host sees, acknowledges and answers only the reports it was told about.</summary>
public sealed class HostApiTests(HostApiFixture fixture) : IClassFixture<HostApiFixture>
{
    private NotificationClient Notification => fixture.Notification;

    private static object Response(string action = "removed", string grounds = "Breach of our content policy §3") => new
    {
        action,
        scope = "the model repository, worldwide",
        until = (string?)null,
        grounds,
        automated = false,
        note = "Removed within a day",
    };

    private Task<(Guid ReportId, ScriptedReceiver Receiver)> AnnouncedReportAsync(string[]? events = null) =>
        Notification.AnnouncedReportAsync(events);

    [Fact]
    public async Task Admins_list_every_host_by_id_and_hosts_cannot()
    {
        await Notification.EnsureHostAsync("hub-b");
        await Notification.EnsureHostAsync("hub-a");

        var hosts = (await Notification.JsonAsync(HttpMethod.Get, "/api/v1/hosts", TestClients.Admin))["items"]!.AsArray();
        var ids = hosts.Select(h => h!["id"]!.GetValue<string>()).ToList();

        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Contains("hub-a", ids);
        Assert.Contains("hub-b", ids);
        Assert.All(hosts, h => Assert.False(string.IsNullOrEmpty(h!["name"]?.GetValue<string>())));
        using var asHost = await Notification.SendAsync(HttpMethod.Get, "/api/v1/hosts", TestClients.HostA);
        Assert.Equal(HttpStatusCode.Forbidden, asHost.StatusCode);
    }

    [Fact]
    public async Task Host_b_cannot_read_acknowledge_or_respond_to_host_a_reports()
    {
        var (reportId, receiver) = await AnnouncedReportAsync();
        await using var _ = receiver;

        using (var read = await Notification.SendAsync(HttpMethod.Get, $"/api/v1/host/reports/{reportId}", TestClients.HostB))
        {
            await NotificationClient.AssertProblemAsync(read, HttpStatusCode.NotFound);
        }

        using (var acknowledge = await Notification.SendAsync(HttpMethod.Post, $"/api/v1/host/reports/{reportId}/acknowledge", TestClients.HostB, new { }))
        {
            await NotificationClient.AssertProblemAsync(acknowledge, HttpStatusCode.NotFound);
        }

        // Not even the body's faults are reported for another host's report.
        using (var respond = await Notification.SendAsync(HttpMethod.Post, $"/api/v1/host/reports/{reportId}/response", TestClients.HostB, new { action = "x" }))
        {
            await NotificationClient.AssertProblemAsync(respond, HttpStatusCode.NotFound);
        }

        Assert.DoesNotContain(await AllHostReportsAsync(TestClients.HostB), r => r["id"]!.GetValue<string>() == reportId.ToString());

        var own = await Notification.JsonAsync(HttpMethod.Get, $"/api/v1/host/reports/{reportId}", TestClients.HostA);
        Assert.Equal("Unsafe completions", own["title"]!.GetValue<string>());
        Assert.Null(own["acknowledgedAt"]);
        Assert.Contains(await AllHostReportsAsync(TestClients.HostA), r => r["id"]!.GetValue<string>() == reportId.ToString());
        Assert.DoesNotContain("reporter", own.ToJsonString());
    }

    [Fact]
    public async Task A_hosts_reports_are_listed_newest_first_across_pages()
    {
        var (older, first) = await AnnouncedReportAsync();
        var (newer, second) = await AnnouncedReportAsync();
        await using var _ = first;
        await using var __ = second;

        var ids = (await AllHostReportsAsync(TestClients.HostA, pageSize: 1)).Select(r => Guid.Parse(r["id"]!.GetValue<string>())).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(ids.IndexOf(newer) >= 0 && ids.IndexOf(newer) < ids.IndexOf(older), "the newer report comes first");
        using var badCursor = await Notification.SendAsync(HttpMethod.Get, "/api/v1/host/reports?cursor=nope", TestClients.HostA);
        await NotificationClient.AssertProblemAsync(badCursor, HttpStatusCode.BadRequest, "cursor");
    }

    [Fact]
    public async Task A_response_is_validated_field_by_field()
    {
        var (reportId, receiver) = await AnnouncedReportAsync();
        await using var _ = receiver;
        var path = $"/api/v1/host/reports/{reportId}/response";

        (object Body, string Field)[] cases =
        [
            (new { action = "deleted", scope = "s", grounds = "g", automated = false }, "action"),
            (new { action = "removed", grounds = "g", automated = false }, "scope"),
            (new { action = "removed", scope = "s", automated = false }, "grounds"),
            (new { action = "removed", scope = "s", grounds = "g" }, "automated"),
            (new { action = "removed", scope = "s", grounds = "g", automated = "no" }, "automated"),
            (new { action = "restricted", scope = "s", grounds = "g", automated = false, until = "next week" }, "until"),
            (new { action = "restricted", scope = "s", grounds = "g", automated = false, until = "2001-01-01T00:00:00Z" }, "until"),
            (new { action = "disputed", grounds = "g", automated = false, until = "2099-01-01T00:00:00Z" }, "until"),
            (new { action = "removed", scope = "s", grounds = new string('g', 5_001), automated = false }, "grounds"),
            (new { action = "removed", scope = "s", grounds = "g", automated = false, note = new string('n', 2_001) }, "note"),
        ];
        foreach (var (body, field) in cases)
        {
            using var response = await Notification.SendAsync(HttpMethod.Post, path, TestClients.HostA, body);
            await NotificationClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        }

        var report = await Notification.JsonAsync(HttpMethod.Get, $"/api/v1/host/reports/{reportId}", TestClients.HostA);
        Assert.Null(report["response"]);
    }

    [Fact]
    public async Task A_response_reaches_triage_once_and_a_different_one_is_recorded_as_an_update()
    {
        var (reportId, receiver) = await AnnouncedReportAsync();
        await using var _ = receiver;
        var path = $"/api/v1/host/reports/{reportId}/response";

        var first = await Notification.JsonAsync(HttpMethod.Post, path, TestClients.HostA, Response());
        Assert.True(first["changed"]!.GetValue<bool>());
        Assert.Equal(1, first["response"]!["revision"]!.GetValue<int>());
        var respondedAt = first["response"]!["respondedAt"]!.GetValue<DateTimeOffset>();

        var again = await Notification.JsonAsync(HttpMethod.Post, path, TestClients.HostA, Response());
        Assert.False(again["changed"]!.GetValue<bool>());
        Assert.Equal(1, again["response"]!["revision"]!.GetValue<int>());

        // Responding acknowledges: Triage moves the report and records the statement.
        // Two messages (acknowledged, responded) that Triage may take in either order.
        var recorded = await Notification.Api.TriageReportAsync(reportId,
            r => r["hostResponse"] is JsonObject && r["status"]!.GetValue<string>() == "acknowledged", NotificationClient.Patience);
        Assert.Equal("acknowledged", recorded["status"]!.GetValue<string>());
        Assert.Equal("removed", recorded["hostResponse"]!["action"]!.GetValue<string>());
        Assert.Equal(respondedAt, recorded["respondedAt"]!.GetValue<DateTimeOffset>());

        var update = await Notification.JsonAsync(HttpMethod.Post, path, TestClients.HostA, Response("disputed", "The output is satire"));
        Assert.Equal(2, update["response"]!["revision"]!.GetValue<int>());
        Assert.Equal(respondedAt, update["response"]!["respondedAt"]!.GetValue<DateTimeOffset>());

        var updated = await Notification.Api.TriageReportAsync(reportId, r => r["hostResponse"]?["revision"]?.GetValue<int>() == 2, NotificationClient.Patience);
        Assert.Equal("disputed", updated["hostResponse"]!["action"]!.GetValue<string>());
        Assert.Equal(respondedAt, updated["respondedAt"]!.GetValue<DateTimeOffset>());
        var actions = await Notification.AuditActionsAsync(reportId);
        Assert.Equal(1, actions.Count(a => a == "host_acknowledged"));
        Assert.Equal(1, actions.Count(a => a == "host_responded"));
        Assert.Equal(1, actions.Count(a => a == "host_response_updated"));

        using var verify = await Notification.Api.SendAsync(HttpMethod.Get, Notification.Api.Urls.Triage, "/api/v1/triage/audit/verify", TestClients.Triager);
        Assert.True((await SystemUnderTest.JsonAsync(verify))["valid"]!.GetValue<bool>());

        var seen = await Notification.JsonAsync(HttpMethod.Get, $"/api/v1/host/reports/{reportId}", TestClients.HostA);
        Assert.Equal("disputed", seen["response"]!["action"]!.GetValue<string>());
        Assert.NotNull(seen["acknowledgedAt"]);
    }

    [Fact]
    public async Task A_host_is_reminded_of_an_unacknowledged_report_until_it_acknowledges()
    {
        var (reportId, receiver) = await AnnouncedReportAsync();
        await using var _ = receiver;

        var reminder = await receiver.NextAsync(r => r.Body.Contains("\"report.reminder\"") && r.Body.Contains(reportId.ToString()), TimeSpan.FromSeconds(20));
        var payload = JsonNode.Parse(reminder.Body)!;
        Assert.Equal(1, payload["data"]!["reminder"]!.GetValue<int>());

        await Notification.JsonAsync(HttpMethod.Post, $"/api/v1/host/reports/{reportId}/acknowledge", TestClients.HostA, new { note = "on it" });
        var report = await Notification.JsonAsync(HttpMethod.Get, $"/api/v1/host/reports/{reportId}", TestClients.HostA);
        var sent = report["remindersSent"]!.GetValue<int>();
        Assert.True(sent >= 1);

        // Another report's reminder is the clock: by the time it has had two, this one would have had another.
        var (later, laterReceiver) = await AnnouncedReportAsync();
        await using var __ = laterReceiver;
        await laterReceiver.NextAsync(r => r.Body.Contains("\"reminder\":2") && r.Body.Contains(later.ToString()), TimeSpan.FromSeconds(30));
        var after = await Notification.JsonAsync(HttpMethod.Get, $"/api/v1/host/reports/{reportId}", TestClients.HostA);
        Assert.Equal(sent, after["remindersSent"]!.GetValue<int>());
    }

    [Fact]
    public async Task Subscriptions_are_managed_by_a_hosts_own_client_for_its_host_only()
    {
        await using var receiver = await ScriptedReceiver.StartAsync();
        await Notification.EnsureHostAsync("hub-a");
        await Notification.EnsureHostAsync("hub-b");
        var own = await Notification.SubscribeAsync(TestClients.HostA, "hub-a", receiver.BaseUrl + "/own", modelPatterns: ["none/*"]);
        var (deliveryId, _) = await Notification.SendTestAsync(own.Id, TestClients.HostA);

        (HttpMethod Method, string Path, object? Body)[] hostAsThings =
        [
            (HttpMethod.Get, "/api/v1/hosts/hub-a", null),
            (HttpMethod.Get, "/api/v1/hosts/hub-a/subscriptions", null),
            (HttpMethod.Post, "/api/v1/hosts/hub-a/subscriptions", new { url = receiver.BaseUrl + "/b", events = new[] { "report.triaged" } }),
            (HttpMethod.Get, "/api/v1/hosts/hub-a/deliveries", null),
            (HttpMethod.Get, $"/api/v1/subscriptions/{own.Id}", null),
            (HttpMethod.Post, $"/api/v1/subscriptions/{own.Id}/disable", null),
            (HttpMethod.Post, $"/api/v1/subscriptions/{own.Id}/enable", null),
            (HttpMethod.Post, $"/api/v1/subscriptions/{own.Id}/rotate-secret", null),
            (HttpMethod.Post, $"/api/v1/subscriptions/{own.Id}/test", null),
            (HttpMethod.Post, $"/api/v1/subscriptions/{own.Id}/recover", new { since = "2020-01-01T00:00:00Z" }),
            (HttpMethod.Get, $"/api/v1/deliveries/{deliveryId}", null),
            (HttpMethod.Post, $"/api/v1/deliveries/{deliveryId}/replay", null),
        ];
        foreach (var (method, path, body) in hostAsThings)
        {
            using var other = await Notification.SendAsync(method, path, TestClients.HostB, body);
            Assert.True(other.StatusCode == HttpStatusCode.NotFound, $"host B on {method} {path}: {other.StatusCode}");
        }

        foreach (var (method, path, body) in hostAsThings.Where(t => t.Method == HttpMethod.Get))
        {
            using var mine = await Notification.SendAsync(method, path, TestClients.HostA, body);
            Assert.True(mine.StatusCode == HttpStatusCode.OK, $"host A on {method} {path}: {mine.StatusCode}");
            using var admin = await Notification.SendAsync(method, path, TestClients.Admin, body);
            Assert.True(admin.StatusCode == HttpStatusCode.OK, $"admin on {method} {path}: {admin.StatusCode}");
        }

        var disabled = await Notification.JsonAsync(HttpMethod.Post, $"/api/v1/subscriptions/{own.Id}/disable", TestClients.HostA);
        Assert.Equal("manual", disabled["disabledReason"]!.GetValue<string>());
        var enabled = await Notification.JsonAsync(HttpMethod.Post, $"/api/v1/subscriptions/{own.Id}/enable", TestClients.HostA);
        Assert.True(enabled["enabled"]!.GetValue<bool>());
        Assert.Null(enabled["disabledReason"]);

        using var createHost = await Notification.SendAsync(HttpMethod.Post, "/api/v1/hosts", TestClients.HostA, new { id = "hub-c", name = "C", contactEmail = "c@example.org" });
        Assert.Equal(HttpStatusCode.Forbidden, createHost.StatusCode);
        using var triager = await Notification.SendAsync(HttpMethod.Get, $"/api/v1/subscriptions/{own.Id}", TestClients.Triager);
        Assert.Equal(HttpStatusCode.Forbidden, triager.StatusCode);
        using var anonymous = await Notification.SendAsync(HttpMethod.Get, "/api/v1/host/reports", null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var adminOnHostApi = await Notification.SendAsync(HttpMethod.Get, "/api/v1/host/reports", TestClients.Admin);
        Assert.Equal(HttpStatusCode.Forbidden, adminOnHostApi.StatusCode);
    }

    private async Task<List<JsonNode>> AllHostReportsAsync(TestClient client, int pageSize = 200)
    {
        var all = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var page = await Notification.JsonAsync(HttpMethod.Get,
                $"/api/v1/host/reports?limit={pageSize}" + (cursor is null ? "" : $"&cursor={cursor}"), client);
            all.AddRange(page["items"]!.AsArray().Select(i => i!));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        return all;
    }
}
