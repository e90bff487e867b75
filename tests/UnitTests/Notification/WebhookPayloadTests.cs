using System.Text;
using System.Text.Json;
using SafetyReports.Contracts;
using SafetyReports.Notification.Domain;

namespace SafetyReports.UnitTests.Notification;

public class WebhookPayloadTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private const string Resource = "https://reports.example.org/api/v1/host/reports/0193";

    private static ReportStatusChanged Changed(string title, ModelReference model, string? publicNote = null) =>
        new(Guid.NewGuid(), ReportStatuses.Triaged, ReportStatuses.Triaging, 3, model, "hate", "high", title, publicNote, Now);

    [Fact]
    public void A_status_event_carries_the_report_fields_and_nothing_about_the_reporter()
    {
        var changed = Changed("Weapons instructions", new ModelReference("hub", "org/model", "main", "https://hub.example/org/model"),
            publicNote: "We told the host; thank you, Rita");
        using var json = JsonDocument.Parse(WebhookPayload.For(WebhookEvents.Triaged, changed, Resource, Now));
        var root = json.RootElement;

        Assert.Equal("report.triaged", root.GetProperty("type").GetString());
        Assert.Equal(["reportId", "status", "version", "model", "category", "severity", "title", "changedAt", "resource"],
            root.GetProperty("data").EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain("Rita", root.GetRawText());
    }

    [Fact]
    public void The_longest_possible_body_stays_under_twenty_kilobytes()
    {
        // Characters that JSON escapes as \uXXXX make each one six bytes.
        var worst = new string('\u2028', 50_000);
        var changed = Changed(worst, new ModelReference(worst, worst, worst, worst)) with { Category = worst, Severity = worst, Status = worst };
        var longest = new HostReportLinks("https://reports.example.org/" + new string('a', HostReportLinks.MaxBaseLength - 28)).For(changed.ReportId);

        var body = WebhookPayload.For(WebhookEvents.Triaged, changed, longest, Now);
        var route = new ReportRoute(changed.ReportId, "hub", "org/model", Now, null, null, ReportSummary.From(changed));
        var reminder = WebhookPayload.Reminder(route, 1, longest, Now);

        Assert.InRange(Encoding.UTF8.GetByteCount(body), 1, WebhookPayload.MaxBytes - 1);
        Assert.InRange(Encoding.UTF8.GetByteCount(reminder), 1, WebhookPayload.MaxBytes - 1);
        using var parsed = JsonDocument.Parse(body);
        Assert.Equal(changed.ReportId, parsed.RootElement.GetProperty("data").GetProperty("reportId").GetGuid());
    }

    [Fact]
    public void Ordinary_long_fields_are_clipped_to_what_intake_allows()
    {
        var changed = Changed(new string('t', 500), new ModelReference("hub", new string('m', 500)));
        using var json = JsonDocument.Parse(WebhookPayload.For(WebhookEvents.Triaged, changed, Resource, Now));
        var data = json.RootElement.GetProperty("data");
        Assert.Equal(200, data.GetProperty("title").GetString()!.Length);
        Assert.Equal(200, data.GetProperty("model").GetProperty("id").GetString()!.Length);
    }

    [Fact]
    public void A_reminder_says_which_one_it_is_and_when_the_host_was_first_told()
    {
        var changed = Changed("Title", new ModelReference("hub", "org/model"));
        var route = new ReportRoute(changed.ReportId, "hub", "org/model", Now.AddDays(-14), null, null, ReportSummary.From(changed));
        using var json = JsonDocument.Parse(WebhookPayload.Reminder(route, 2, Resource, Now));
        var data = json.RootElement.GetProperty("data");

        Assert.Equal("report.reminder", json.RootElement.GetProperty("type").GetString());
        Assert.Equal(2, data.GetProperty("reminder").GetInt32());
        Assert.Equal(Now.AddDays(-14), data.GetProperty("firstNotifiedAt").GetDateTimeOffset());
        Assert.Equal("triaged", data.GetProperty("status").GetString());
    }

    [Fact]
    public void A_test_names_the_host_and_subscription()
    {
        var subscription = Guid.NewGuid();
        using var json = JsonDocument.Parse(WebhookPayload.Test("hub", subscription, Now));
        Assert.Equal("webhook.test", json.RootElement.GetProperty("type").GetString());
        Assert.Equal(subscription, json.RootElement.GetProperty("data").GetProperty("subscriptionId").GetGuid());
    }

    [Fact]
    public void Follow_up_bodies_carry_ids_and_the_link_only()
    {
        var reportId = Guid.NewGuid();
        var contestId = Guid.NewGuid();
        var messageId = Guid.NewGuid();

        (string Body, string Type, string[] Fields)[] bodies =
        [
            (WebhookPayload.Updated(reportId, 2, Resource, Now), "report.updated", ["reportId", "noticeRevision", "resource"]),
            (WebhookPayload.Contested(reportId, contestId, 3, Resource, Now), "report.contested", ["reportId", "contestId", "responseRevision", "resource"]),
            (WebhookPayload.Message(reportId, messageId, Resource, Now), "report.message", ["reportId", "messageId", "resource"]),
        ];
        foreach (var (body, type, fields) in bodies)
        {
            using var json = JsonDocument.Parse(body);
            Assert.Equal(type, json.RootElement.GetProperty("type").GetString());
            var data = json.RootElement.GetProperty("data");
            Assert.Equal(fields, data.EnumerateObject().Select(p => p.Name));
            Assert.Equal(reportId, data.GetProperty("reportId").GetGuid());
            Assert.Equal(Resource, data.GetProperty("resource").GetString());
        }

        using var contested = JsonDocument.Parse(bodies[1].Body);
        Assert.Equal(contestId, contested.RootElement.GetProperty("data").GetProperty("contestId").GetGuid());
        Assert.Equal(3, contested.RootElement.GetProperty("data").GetProperty("responseRevision").GetInt32());
    }

    [Fact]
    public void Every_report_body_links_to_the_report_in_the_host_api()
    {
        var changed = Changed("Title", new ModelReference("hub", "org/model"));
        var route = new ReportRoute(changed.ReportId, "hub", "org/model", Now, null, null, ReportSummary.From(changed));
        var pending = new ReportDisclosurePending(changed.ReportId, changed.Model, Now.AddDays(-20), Now.AddDays(10), Now);

        foreach (var body in new[]
                 {
                     WebhookPayload.For(WebhookEvents.Triaged, changed, Resource, Now), WebhookPayload.Reminder(route, 1, Resource, Now),
                     WebhookPayload.DisclosurePending(pending, Resource, Now),
                 })
        {
            using var json = JsonDocument.Parse(body);
            Assert.Equal(Resource, json.RootElement.GetProperty("data").GetProperty("resource").GetString());
        }

        using var test = JsonDocument.Parse(WebhookPayload.Test("hub", Guid.NewGuid(), Now));
        Assert.False(test.RootElement.GetProperty("data").TryGetProperty("resource", out _), "a test is about no report");
    }
}
