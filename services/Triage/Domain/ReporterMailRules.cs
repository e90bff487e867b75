namespace SafetyReports.Triage.Domain;

/// <summary>
/// Which events mean a mail to the reporter, and whether this report's reporter gets it. Each mail has an id derived from
/// the report, the kind and the event (the status version or the response revision) and the one recipient: the same event
/// seen twice is one mail with one Message-ID.
/// </summary>
public static class ReporterMailRules
{
    /// <summary>The mail a status change calls for; null for the moves a reporter is not written about.</summary>
    public static ReporterMailKind? ForStatusChange(ReportStatusChanged changed) => changed.Status switch
    {
        _ when changed.Status == changed.PreviousStatus => null,
        ReportStatuses.NeedsInfo => ReporterMailKind.NeedsInfo,
        ReportStatuses.Triaged => ReporterMailKind.Triaged,
        // One mail when the report closes; a move from one closed status to another is a correction, not news.
        _ when ContactRetention.ClosedStatuses.Contains(changed.Status)
            && (changed.PreviousStatus is null || !ContactRetention.ClosedStatuses.Contains(changed.PreviousStatus)) => ReporterMailKind.Closed,
        _ => null,
    };

    /// <summary>The reporter asked for mails, has not unsubscribed, and their contact is still there.</summary>
    public static bool Wants(Report report) => report.NotifyByEmail && report.ProtectedContact is not null;

    /// <param name="sequence">The status version of the change, or the host response's revision.</param>
    public static Guid MailId(Guid reportId, ReporterMailKind kind, long sequence) =>
        DeterministicId.From($"mail/reporter/{reportId:N}/{kind}/{sequence.ToString(CultureInfo.InvariantCulture)}");
}
