namespace SafetyReports.Triage.Domain;

/// <summary>
/// Writes a maintainer's mail (English, as the portal): what happened, which report (model, category, severity, the title
/// quoted), and the link to it in the portal. Never the reporter's contact: a mail can be forwarded or read on a phone.
/// </summary>
public static class MaintainerMailComposer
{
    public const string Language = "en";

    /// <param name="reportUrl">The report's page in the portal.</param>
    public static OutgoingMail NewReport(Guid mailId, string to, Report report, Uri reportUrl)
    {
        var severity = report.Severity ?? "unassessed";
        var model = $"{report.Model.Host}/{report.Model.Id}";
        var subject = $"New {severity} report about {model}";
        var body = new MailBody()
            .Paragraph($"A new report of {severity} severity was received.")
            .Paragraph($"Model: {model}\nHarm category: {report.Category}\nReceived: {report.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}")
            .Quote(report.Title)
            .Link("Open the report in the portal", reportUrl)
            .Paragraph("You get this mail because of your choices under \"My notifications\" in the portal.");
        return new OutgoingMail(mailId, to, subject, body.ToText(), body.ToHtml(Language, subject), Language);
    }
}
