using SafetyReports.Contracts;

namespace SafetyReports.Notification.Domain;

/// <summary>The event types a host can subscribe to, and which report statuses raise them.</summary>
public static class WebhookEvents
{
    public const string Triaged = "report.triaged";
    public const string Resolved = "report.resolved";
    public const string Rejected = "report.rejected";
    public const string Reminder = "report.reminder";
    public const string DisclosurePending = "report.disclosure_pending";
    public const string Test = "webhook.test";

    public static readonly IReadOnlyList<string> Subscribable = [Triaged, Resolved, Rejected, Reminder, DisclosurePending];

    /// <summary>Reminders go where the report was announced, and to subscriptions that ask for them by name.</summary>
    public static bool ReceivesReminders(IReadOnlyList<string> events) => events.Contains(Triaged) || events.Contains(Reminder);

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
