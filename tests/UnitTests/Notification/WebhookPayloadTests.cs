using System.Text;
using System.Text.Json;
using SafetyReports.Contracts;
using SafetyReports.Notification.Domain;

namespace SafetyReports.UnitTests.Notification;

public class WebhookPayloadTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static ReportStatusChanged Changed(string title, ModelReference model, string? publicNote = null) =>
        new(Guid.NewGuid(), ReportStatuses.Triaged, ReportStatuses.Triaging, 3, model, "hate", "high", title, publicNote, Now);

    [Fact]
    public void A_status_event_carries_the_report_fields_and_nothing_about_the_reporter()
    {
        var changed = Changed("Weapons instructions", new ModelReference("hub", "org/model", "main", "https://hub.example/org/model"),
            publicNote: "We told the host; thank you, Rita");
        using var json = JsonDocument.Parse(WebhookPayload.For(WebhookEvents.Triaged, changed, Now));
        var root = json.RootElement;

        Assert.Equal("report.triaged", root.GetProperty("type").GetString());
        Assert.Equal(["reportId", "status", "version", "model", "category", "severity", "title", "changedAt"],
            root.GetProperty("data").EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain("Rita", root.GetRawText());
    }

    [Fact]
    public void The_longest_possible_body_stays_under_twenty_kilobytes()
    {
        // Characters that JSON escapes as \uXXXX make each one six bytes.
        var worst = new string('\u2028', 50_000);
        var changed = Changed(worst, new ModelReference(worst, worst, worst, worst)) with { Category = worst, Severity = worst, Status = worst };

        var body = WebhookPayload.For(WebhookEvents.Triaged, changed, Now);
        var route = new ReportRoute(changed.ReportId, "hub", "org/model", Now, null, null, ReportSummary.From(changed));
        var reminder = WebhookPayload.Reminder(route, 1, Now);

        Assert.InRange(Encoding.UTF8.GetByteCount(body), 1, WebhookPayload.MaxBytes - 1);
        Assert.InRange(Encoding.UTF8.GetByteCount(reminder), 1, WebhookPayload.MaxBytes - 1);
        using var parsed = JsonDocument.Parse(body);
        Assert.Equal(changed.ReportId, parsed.RootElement.GetProperty("data").GetProperty("reportId").GetGuid());
    }

    [Fact]
    public void Ordinary_long_fields_are_clipped_to_what_intake_allows()
    {
        var changed = Changed(new string('t', 500), new ModelReference("hub", new string('m', 500)));
        using var json = JsonDocument.Parse(WebhookPayload.For(WebhookEvents.Triaged, changed, Now));
        var data = json.RootElement.GetProperty("data");
        Assert.Equal(200, data.GetProperty("title").GetString()!.Length);
        Assert.Equal(200, data.GetProperty("model").GetProperty("id").GetString()!.Length);
    }

    [Fact]
    public void A_reminder_says_which_one_it_is_and_when_the_host_was_first_told()
    {
        var changed = Changed("Title", new ModelReference("hub", "org/model"));
        var route = new ReportRoute(changed.ReportId, "hub", "org/model", Now.AddDays(-14), null, null, ReportSummary.From(changed));
        using var json = JsonDocument.Parse(WebhookPayload.Reminder(route, 2, Now));
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
}
