namespace SafetyReports.Notification.Domain;

/// <summary>
/// The JSON bodies hosts receive. Thin: ids, status and summary, built only from status events and the
/// notice's, contest's and message's ids, never from what a notice, contest or message says (no contact, no
/// description, no evidence, no reason, no message text). Every report's body links to the report in the host
/// API (<c>resource</c>), where the host reads the rest. Kept under <see cref="MaxBytes"/>: every text field is
/// clipped to the length intake allows, and a body still too long loses its free text.
/// </summary>
public static class WebhookPayload
{
    /// <summary>Bodies stay under 20 KB, as receivers and their proxies expect of a webhook.</summary>
    public const int MaxBytes = 20 * 1024;

    private const int MaxText = 200;
    private const int MaxUrl = 2_000;
    private const int MaxCode = 100;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string For(string eventType, ReportStatusChanged changed, string resource, DateTimeOffset timestamp) =>
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
                resource,
            },
        });

    /// <summary>A reminder that a report still waits for the host's acknowledgement.</summary>
    public static string Reminder(ReportRoute route, int reminder, string resource, DateTimeOffset timestamp) =>
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
                resource,
            },
        });

    public static string DisclosurePending(ReportDisclosurePending pending, string resource, DateTimeOffset timestamp) =>
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
                resource,
            },
        });

    /// <summary>What the maintainers share with the host changed: read the notice at <paramref name="resource"/>.</summary>
    public static string Updated(Guid reportId, int noticeRevision, string resource, DateTimeOffset timestamp) =>
        JsonSerializer.Serialize(new { type = WebhookEvents.Updated, timestamp, data = new { reportId, noticeRevision, resource } }, Options);

    /// <summary>The maintainers forwarded a reporter's contest of the host's response; the reason is read in the host API.</summary>
    public static string Contested(Guid reportId, Guid contestId, int responseRevision, string resource, DateTimeOffset timestamp) =>
        JsonSerializer.Serialize(new { type = WebhookEvents.Contested, timestamp, data = new { reportId, contestId, responseRevision, resource } }, Options);

    /// <summary>The maintainers wrote on the report's thread; the text is read in the host API.</summary>
    public static string Message(Guid reportId, Guid messageId, string resource, DateTimeOffset timestamp) =>
        JsonSerializer.Serialize(new { type = WebhookEvents.Message, timestamp, data = new { reportId, messageId, resource } }, Options);

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
