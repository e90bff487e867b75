using System.Text;
using System.Text.Json;
using SafetyReports.Contracts;

namespace SafetyReports.Notification.Domain;

/// <summary>
/// The JSON bodies hosts receive. Built only from status events, which carry no reporter personal
/// data (no contact, no evidence, no description), and kept under <see cref="MaxBytes"/>: every text
/// field is clipped to the length intake allows, and a body still too long loses its free text.
/// </summary>
public static class WebhookPayload
{
    /// <summary>Bodies stay under 20 KB, as receivers and their proxies expect of a webhook.</summary>
    public const int MaxBytes = 20 * 1024;

    private const int MaxText = 200;
    private const int MaxUrl = 2_000;
    private const int MaxCode = 100;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string For(string eventType, ReportStatusChanged changed, DateTimeOffset timestamp) =>
        Bounded(clip => new
        {
            type = eventType,
            timestamp,
            data = new
            {
                reportId = changed.ReportId,
                status = Clip(changed.Status, MaxCode),
                version = changed.Version,
                model = Model(changed.Model, clip),
                category = Clip(changed.Category, MaxCode),
                severity = Clip(changed.Severity, MaxCode),
                title = Clip(changed.Title, clip ? 0 : MaxText),
                changedAt = changed.ChangedAt,
            },
        });

    /// <summary>A reminder that a report still waits for the host's acknowledgement.</summary>
    public static string Reminder(ReportRoute route, int reminder, DateTimeOffset timestamp) =>
        Bounded(clip => new
        {
            type = WebhookEvents.Reminder,
            timestamp,
            data = new
            {
                reportId = route.ReportId,
                status = Clip(route.Summary?.Status, MaxCode),
                model = route.Summary is { } s ? Model(s.Model, clip) : new { host = route.HostId, id = route.ModelId, revision = (string?)null, url = (string?)null },
                category = Clip(route.Summary?.Category, MaxCode),
                severity = Clip(route.Summary?.Severity, MaxCode),
                title = Clip(route.Summary?.Title, clip ? 0 : MaxText),
                firstNotifiedAt = route.FirstEventAt,
                reminder,
            },
        });

    public static string DisclosurePending(ReportDisclosurePending pending, DateTimeOffset timestamp) =>
        Bounded(clip => new
        {
            type = WebhookEvents.DisclosurePending,
            timestamp,
            data = new
            {
                reportId = pending.ReportId,
                model = Model(pending.Model, clip),
                triagedAt = pending.TriagedAt,
                disclosesAt = pending.DisclosesAt,
            },
        });

    public static string Test(string hostId, Guid subscriptionId, DateTimeOffset timestamp) =>
        JsonSerializer.Serialize(new { type = WebhookEvents.Test, timestamp, data = new { hostId, subscriptionId } }, Options);

    private static object Model(ModelReference model, bool clip) => new
    {
        host = Clip(model.Host, MaxText),
        id = Clip(model.Id, MaxText),
        revision = Clip(model.Revision, MaxText),
        url = Clip(model.Url, clip ? 0 : MaxUrl),
    };

    private static string Bounded(Func<bool, object> build)
    {
        var body = JsonSerializer.Serialize(build(false), Options);
        return Encoding.UTF8.GetByteCount(body) < MaxBytes ? body : JsonSerializer.Serialize(build(true), Options);
    }

    private static string? Clip(string? text, int max) =>
        text is null ? null : max == 0 ? null : text.Length <= max ? text : text[..max];
}
