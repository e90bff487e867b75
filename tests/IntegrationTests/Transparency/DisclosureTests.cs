using System.Net;
using System.Text.Json.Nodes;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.IntegrationTests.Notification;

namespace SafetyReports.IntegrationTests.Transparency;

/// <summary>A Standalone system whose disclosure deadline is eight seconds after triage, with the reminder four seconds before it.</summary>
public sealed class DisclosureFixture : NotificationSystemFixture
{
    protected override Dictionary<string, string> Configure() => Settings(
        ("SafetyReports:Triage:Disclosure:After", "00:00:08"),
        ("SafetyReports:Triage:Disclosure:ReminderBefore", "00:00:04"),
        ("SafetyReports:Triage:Disclosure:CheckInterval", "00:00:00.200"));
}

public sealed class DisclosureTests(DisclosureFixture fixture) : IClassFixture<DisclosureFixture>
{
    private NotificationClient Notification => fixture.Notification;

    private SystemUnderTest Api => fixture.System.Api;

    [Fact]
    public async Task A_report_left_unanswered_is_disclosed_redacted_after_a_reminder_and_one_answered_in_time_never_is()
    {
        await using var receiver = await ScriptedReceiver.StartAsync();
        await Notification.EnsureHostAsync("hub-a");
        var model = $"org-{Guid.NewGuid():N}/model";
        await Notification.SubscribeAsync(TestClients.HostA, "hub-a", receiver.BaseUrl + "/a", null, [model]);

        // Answered first, so when the silent one is disclosed the answered one's deadline has passed too.
        var answered = await Notification.TriagedReportAsync("hub-a", model, "Answered within the deadline");
        await receiver.NextAsync(r => r.Body.Contains(answered.ToString(), StringComparison.Ordinal), NotificationClient.Patience);
        await Notification.JsonAsync(HttpMethod.Post, $"/api/v1/host/reports/{answered}/response", TestClients.HostA,
            new { action = "removed", scope = "the repository", grounds = "Policy §3", automated = false });

        await Eventually.UntilAsync(async () => (await Notification.AuditActionsAsync(answered)).Contains("host_responded"),
            NotificationClient.Patience, "the response to reach Triage");

        var title = $"Silent host {Guid.NewGuid():N}";
        var silent = await Notification.TriagedReportAsync("hub-a", model, title);
        var reminder = await receiver.NextAsync(
            r => r.Body.Contains("report.disclosure_pending", StringComparison.Ordinal) && r.Body.Contains(silent.ToString(), StringComparison.Ordinal),
            NotificationClient.Patience);
        var disclosesAt = JsonNode.Parse(reminder.Body)!["data"]!["disclosesAt"]!.GetValue<DateTimeOffset>();
        Assert.True(await DisclosuresAsync() is var before && !Contains(before, silent), "not disclosed at the reminder");

        var entry = await Eventually.UntilAsync(async () => (await DisclosuresAsync())["items"]!.AsArray().FirstOrDefault(i => Id(i) == silent),
            NotificationClient.Patience, "the silent report to be disclosed");
        Assert.True(DateTimeOffset.UtcNow >= disclosesAt.AddMilliseconds(-50), "not before the date the host was given");
        Assert.Equal(("hub-a", model), (entry["model"]!["host"]!.GetValue<string>(), entry["model"]!["id"]!.GetValue<string>()));
        Assert.Equal(("high", "no_acknowledgement_no_response"), (entry["severity"]!.GetValue<string>(), entry["hostSilence"]!.GetValue<string>()));
        Assert.Equal(disclosesAt, entry["deadline"]!.GetValue<DateTimeOffset>());
        Assert.DoesNotContain(title, entry.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(entry["title"]);
        Assert.Null(entry["reporter"]);

        var listing = await DisclosuresAsync();
        Assert.False(Contains(listing, answered));
        Assert.True(listing["policy"]!["enabled"]!.GetValue<bool>());
        Assert.DoesNotContain(receiver.Received, r => r.Body.Contains("report.disclosure_pending", StringComparison.Ordinal)
                                                      && r.Body.Contains(answered.ToString(), StringComparison.Ordinal));
        var actions = await Notification.AuditActionsAsync(silent);
        Assert.Equal(["disclosure_reminder", "disclosed"], actions.Where(a => a.StartsWith("disclos", StringComparison.Ordinal)));
        Assert.DoesNotContain(await Notification.AuditActionsAsync(answered), a => a.StartsWith("disclos", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=201", "limit")]
    [InlineData("?cursor=nope", "cursor")]
    public async Task Bad_paging_is_a_400_naming_the_field(string query, string field)
    {
        using var response = await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, "/api/v1/transparency/disclosures" + query);
        await NotificationClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    private async Task<JsonNode> DisclosuresAsync()
    {
        using var response = await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, "/api/v1/transparency/disclosures?limit=200");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await SystemUnderTest.JsonAsync(response);
    }

    private static bool Contains(JsonNode listing, Guid id) => listing["items"]!.AsArray().Any(i => Id(i) == id);

    private static Guid Id(JsonNode? item) => Guid.Parse(item!["reportId"]!.GetValue<string>());
}
