namespace SafetyReports.Notification.Domain;

/// <summary>
/// Writes the hosts' mails, in English (hosts are organisations; Notification keeps no language for them): what happened,
/// the report's fields a webhook carries (id, model, category, severity, status, the title quoted) and the link to the
/// report in the host's inbox in the portal. Never the reporter's contact: Notification does not hold it. Nothing here is
/// HTML until <see cref="MailBody"/> escapes it.
/// </summary>
public static class HostMailComposer
{
    public const string Language = "en";

    /// <summary>A status change a subscription announcing reports would have been told (<see cref="WebhookEvents.ForStatus"/>).</summary>
    public static OutgoingMail StatusChanged(Guid mailId, ModelHost host, Guid reportId, string eventType, ReportSummary summary, Uri inboxUrl)
    {
        var model = $"{summary.Model.Host}/{summary.Model.Id}";
        var (subject, what) = eventType switch
        {
            WebhookEvents.Triaged => ($"New report about {model}", "The maintainers confirmed a report about one of your models. Please look at it and respond in your inbox."),
            WebhookEvents.Resolved => ($"Report about {model} resolved", "The maintainers closed a report about one of your models as resolved."),
            _ => ($"Report about {model} rejected", "The maintainers closed a report about one of your models as rejected."),
        };
        return Compose(mailId, host, subject, what, reportId, summary, inboxUrl);
    }

    /// <summary>The report will be disclosed unless the host responds (<see cref="WebhookEvents.DisclosurePending"/>).</summary>
    public static OutgoingMail DisclosurePending(Guid mailId, ModelHost host, ReportDisclosurePending pending, ReportSummary? summary, Uri inboxUrl)
    {
        var model = $"{pending.Model.Host}/{pending.Model.Id}";
        var what =
            $"A report about one of your models still has no response from you. It will be disclosed publicly (redacted) on {Date(pending.DisclosesAt)} unless you respond before.";
        return Compose(mailId, host, $"Report about {model} will be disclosed", what, pending.ReportId, summary, inboxUrl, pending.Model);
    }

    /// <summary>Notification disabled one of the host's subscriptions on its own (410 Gone, or failing too long).</summary>
    public static OutgoingMail SubscriptionDisabled(Guid mailId, ModelHost host, WebhookSubscriptionDisabled disabled, Uri subscriptionsUrl)
    {
        var why = disabled.Reason == DisabledReasons.Gone
            ? "its receiver answered 410 Gone"
            : $"every attempt to deliver to it failed since {(disabled.FailingSince is { } since ? Date(since) : "a long time")}";
        var body = new MailBody()
            .Paragraph(Greeting(host))
            .Paragraph($"We stopped sending webhooks to your subscription {disabled.SubscriptionId} on {Date(disabled.DisabledAt)}: {why}.")
            .Paragraph($"{disabled.AffectedReportIds.Count} report(s) had webhooks to it pending or failed. Enable it again once your receiver works, and they can be replayed; while you have no enabled subscription, new reports reach you by e-mail at this address.")
            .Link("Your subscriptions", subscriptionsUrl)
            .Paragraph("This mail goes to the contact address the maintainers keep for your organisation.");
        const string subject = "Webhook subscription disabled";
        return new OutgoingMail(mailId, host.ContactEmail, subject, body.ToText(), body.ToHtml(Language, subject), Language);
    }

    private static OutgoingMail Compose(
        Guid mailId, ModelHost host, string subject, string what, Guid reportId, ReportSummary? summary, Uri inboxUrl, ModelReference? model = null)
    {
        var body = new MailBody().Paragraph(Greeting(host)).Paragraph(what);
        var shownModel = summary?.Model ?? model;
        var facts = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Report: {reportId}");
        if (shownModel is not null)
        {
            facts.Append(CultureInfo.InvariantCulture, $"\nModel: {shownModel.Host}/{shownModel.Id}");
        }

        if (summary is not null)
        {
            facts.Append(CultureInfo.InvariantCulture, $"\nCategory: {summary.Category}\nSeverity: {summary.Severity ?? "not set"}\nStatus: {summary.Status}");
        }

        body.Paragraph(facts.ToString());
        if (summary is not null)
        {
            body.Paragraph("Title, as the reporter gave it:").Quote(summary.Title);
        }

        body.Link("Open the report in your inbox", inboxUrl)
            .Paragraph("You get this mail because your organisation has no enabled webhook subscription. Add one in the portal to receive these events as webhooks instead.");
        return new OutgoingMail(mailId, host.ContactEmail, subject, body.ToText(), body.ToHtml(Language, subject), Language);
    }

    private static string Greeting(ModelHost host) => string.IsNullOrWhiteSpace(host.Name) ? "Hello," : $"Hello {host.Name.Trim()},";

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
