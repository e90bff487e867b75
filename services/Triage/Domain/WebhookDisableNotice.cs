namespace SafetyReports.Triage.Domain;

/// <summary>
/// Notification stopped webhooks to a host's subscription: each report left unannounced gets a system
/// audit entry, so maintainers see why the host may not know about it. One entry per report and
/// disablement (subscription and time), however often the message arrives; nothing else changes.
/// </summary>
public static class WebhookDisableNotice
{
    public const string Action = "webhook_subscription_disabled";

    public static string Key(WebhookSubscriptionDisabled disabled) =>
        $"{disabled.SubscriptionId:N}/{disabled.DisabledAt.ToUnixTimeMilliseconds()}";

    public static bool IsRecorded(IEnumerable<AuditEntry> audit, WebhookSubscriptionDisabled disabled)
    {
        var key = Key(disabled);
        return audit.Any(e => e.Action == Action && NoticeOf(e) == key);
    }

    public static (Report Report, AuditDraft Audit) Record(Report report, WebhookSubscriptionDisabled disabled, DateTimeOffset now)
    {
        var data = JsonSerializer.Serialize(new
        {
            notice = Key(disabled),
            subscriptionId = disabled.SubscriptionId,
            hostId = disabled.HostId,
            reason = disabled.Reason,
            failingSince = disabled.FailingSince,
            disabledAt = disabled.DisabledAt,
        });
        return (report with { Version = report.Version + 1, UpdatedAt = now }, new AuditDraft(report.Id, now, SystemMoves.SystemActor, Action, data));
    }

    private static string? NoticeOf(AuditEntry entry)
    {
        try
        {
            using var json = JsonDocument.Parse(entry.Data);
            return json.RootElement.TryGetProperty("notice", out var notice) && notice.ValueKind == JsonValueKind.String ? notice.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
