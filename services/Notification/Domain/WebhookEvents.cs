namespace SafetyReports.Notification.Domain;

/// <summary>The event types a host can subscribe to, and which report statuses raise them.</summary>
public static class WebhookEvents
{
    public const string Triaged = "report.triaged";
    public const string Resolved = "report.resolved";
    public const string Rejected = "report.rejected";
    public const string Reminder = "report.reminder";
    public const string DisclosurePending = "report.disclosure_pending";
    public const string Updated = "report.updated";
    public const string Contested = "report.contested";
    public const string Message = "report.message";
    public const string Test = "webhook.test";

    public static readonly IReadOnlyList<string> Subscribable = [Triaged, Resolved, Rejected, Reminder, DisclosurePending, Updated, Contested, Message];

    /// <summary>
    /// Events that follow up a report the host was told about (a reminder, a changed notice, a forwarded contest, a
    /// maintainers' message) go where the report was announced, and to subscriptions that ask for them by name.
    /// </summary>
    public static bool ReceivesFollowUp(IReadOnlyList<string> events, string eventType) => events.Contains(Triaged) || events.Contains(eventType);

    public static bool ReceivesReminders(IReadOnlyList<string> events) => ReceivesFollowUp(events, Reminder);

    /// <summary>A coming disclosure is told to every subscription that hears reminders, and to those that ask for it by name.</summary>
    public static bool ReceivesDisclosureNotices(IReadOnlyList<string> events) => ReceivesReminders(events) || events.Contains(DisclosurePending);

    public static string? ForStatus(string status) => status switch
    {
        ReportStatuses.Triaged => Triaged,
        ReportStatuses.Resolved => Resolved,
        ReportStatuses.Rejected => Rejected,
        _ => null,
    };
}
