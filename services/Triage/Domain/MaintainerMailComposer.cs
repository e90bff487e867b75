namespace SafetyReports.Triage.Domain;

/// <summary>
/// Writes a maintainer's mail (English, as the portal): what happened, which report (model, category, severity, the title
/// quoted), and the link to it in the portal. Never the reporter's contact nor what the reporter or host wrote beyond the
/// title: a mail can be forwarded or read on a phone; the portal shows the rest to those allowed to see it.
/// </summary>
public static class MaintainerMailComposer
{
    public const string Language = "en";

    private const string Why = "You get this mail because of your choices under \"My notifications\" in the portal.";

    /// <summary>The words of each event, as a subject (with the model) and as a line of a digest.</summary>
    public static string Headline(MaintainerEventKind kind, string severity) => kind switch
    {
        MaintainerEventKind.NewReport => $"New {severity} report",
        MaintainerEventKind.SlaBreach => "Triage deadline passed on your report",
        MaintainerEventKind.ReporterAnswered => "The reporter answered on your report",
        MaintainerEventKind.HostResponded => "The host responded on your report",
        MaintainerEventKind.Contested => "The reporter contested the host's response on your report",
        MaintainerEventKind.Reupload => "Re-upload of a reported model",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <param name="reportUrl">The report's page in the portal.</param>
    public static OutgoingMail NewReport(Guid mailId, string to, Report report, Uri reportUrl) =>
        Event(mailId, to, MaintainerEventKind.NewReport, report, reportUrl);

    /// <param name="reportUrl">The report's page in the portal.</param>
    public static OutgoingMail Event(Guid mailId, string to, MaintainerEventKind kind, Report report, Uri reportUrl)
    {
        var subject = $"{Headline(kind, Severity(report))} about {Model(report)}";
        var body = new MailBody()
            .Paragraph(kind switch
            {
                MaintainerEventKind.NewReport => $"A new report of {Severity(report)} severity was received.",
                MaintainerEventKind.Reupload => Reupload(report),
                _ => Headline(kind, Severity(report)) + ".",
            })
            .Paragraph(Facts(report))
            .Quote(report.Title)
            .Link("Open the report in the portal", reportUrl)
            .Paragraph(Why);
        return new OutgoingMail(mailId, to, subject, body.ToText(), body.ToHtml(Language, subject), Language);
    }

    /// <summary>One mail listing the day's events, oldest first, each with its report's link.</summary>
    /// <param name="items">The events with their report (null when the report is gone: listed without details).</param>
    public static OutgoingMail Digest(
        Guid mailId, string to, DateTimeOffset cutoff, IReadOnlyList<(MaintainerDigestItem Item, Report? Report, Uri Link)> items)
    {
        var subject = $"Your SafetyReports digest: {items.Count} {(items.Count == 1 ? "event" : "events")} until {Time(cutoff)}";
        var body = new MailBody().Paragraph($"What happened in the 24 hours until {Time(cutoff)} that you asked to hear about.");
        foreach (var (item, report, link) in items)
        {
            body.Paragraph($"{Time(item.At)} — {Headline(item.Kind, report is null ? "unassessed" : Severity(report))}"
                + (report is null ? "" : $" about {Model(report)}"));
            if (report is not null)
            {
                body.Quote(report.Title);
            }

            body.Link("Open the report", link);
        }

        body.Paragraph(Why);
        return new OutgoingMail(mailId, to, subject, body.ToText(), body.ToHtml(Language, subject), Language);
    }

    /// <summary>"Re-upload of a model reported on …": where the copy is, and whether its host was told.</summary>
    private static string Reupload(Report report) => report.Reuploads.LastOrDefault() is { } copy
        ? $"Re-upload of a model reported on {Time(report.ReceivedAt)}: {copy.HostId}/{copy.ModelId} shares {copy.SharedDigests.Count} file "
          + $"{(copy.SharedDigests.Count == 1 ? "digest" : "digests")} with the report. "
          + (copy.HostNotified ? "Its host was sent the report." : "The report is closed: send it to that host from the report's page if it should act.")
        : $"Re-upload of a model reported on {Time(report.ReceivedAt)}.";

    private static string Facts(Report report) =>
        $"Model: {Model(report)}\nHarm category: {report.Category}\nSeverity: {Severity(report)}\nReceived: {Time(report.ReceivedAt)}";

    private static string Severity(Report report) => report.Severity ?? "unassessed";

    private static string Model(Report report) => $"{report.Model.Host}/{report.Model.Id}";

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
