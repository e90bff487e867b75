using System.Text.Json;
using SafetyReports.Contracts;

namespace SafetyReports.Notification.Domain;

/// <summary>
/// The JSON body hosts receive. Built only from the status event, which carries no reporter
/// personal data: no contact, no evidence, no description.
/// </summary>
public static class WebhookPayload
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string For(string eventType, ReportStatusChanged changed, DateTimeOffset timestamp) =>
        JsonSerializer.Serialize(new
        {
            type = eventType,
            timestamp,
            data = new
            {
                reportId = changed.ReportId,
                status = changed.Status,
                version = changed.Version,
                model = changed.Model,
                category = changed.Category,
                severity = changed.Severity,
                title = changed.Title,
                changedAt = changed.ChangedAt,
            },
        }, Options);

    public static string Test(string hostId, DateTimeOffset timestamp) =>
        JsonSerializer.Serialize(new { type = WebhookEvents.Test, timestamp, data = new { hostId } }, Options);
}
