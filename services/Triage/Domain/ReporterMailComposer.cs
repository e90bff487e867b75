namespace SafetyReports.Triage.Domain;

/// <summary>
/// Writes a reporter's mail in the report's language: what happened, the report it is about (model, harm category, the
/// title they gave, quoted), the maintainers' public note if the change had one, the signed status link with its expiry,
/// and the unsubscribe link. Nothing here is HTML until <see cref="MailBody"/> escapes it.
/// </summary>
public static class ReporterMailComposer
{
    /// <param name="statusUrl">The signed status link, valid until <paramref name="statusLinkExpires"/>.</param>
    public static OutgoingMail Compose(
        Guid mailId, Report report, ReporterMailKind kind, string? closedAs, string? publicNote, ReporterContact contact,
        Uri statusUrl, DateTimeOffset statusLinkExpires, Uri unsubscribeUrl)
    {
        var language = SupportedLanguages.Match(report.Language) ?? SupportedLanguages.Default;
        string T(string key, params object?[] arguments) => ReporterMailText.Get(key, language, arguments);

        var model = $"{report.Model.Host}/{report.Model.Id}";
        var (subjectKey, bodyKey) = kind switch
        {
            ReporterMailKind.NeedsInfo => ("Subject_needs_info", "Body_needs_info"),
            ReporterMailKind.Triaged => ("Subject_triaged", "Body_triaged"),
            ReporterMailKind.HostResponded => ("Subject_host_responded", "Body_host_responded"),
            _ => ("Subject_closed", $"Body_closed_{closedAs ?? ReportStatuses.Resolved}"),
        };
        var subject = T(subjectKey, model);
        var body = new MailBody()
            .Paragraph(string.IsNullOrWhiteSpace(contact.Name) ? T("Greeting") : T("Greeting_Named", contact.Name.Trim()))
            .Paragraph(T(bodyKey))
            .Paragraph(T("Report_Summary", model, ReporterMailText.Category(report.Category, language)))
            .Quote(report.Title);
        if (!string.IsNullOrWhiteSpace(publicNote))
        {
            body.Paragraph(T("Label_PublicNote")).Quote(publicNote);
        }

        body.Link(T("Link_Status", statusLinkExpires.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)), statusUrl)
            .Paragraph(T("Note_Token", report.Id))
            .Paragraph(T("Footer_Why"))
            .Link(T("Link_Unsubscribe"), unsubscribeUrl);
        return new OutgoingMail(mailId, contact.Email!, subject, body.ToText(), body.ToHtml(language, subject), language, unsubscribeUrl);
    }
}
