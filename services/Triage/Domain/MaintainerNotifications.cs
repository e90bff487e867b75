namespace SafetyReports.Triage.Domain;

/// <summary>When a maintainer's mails go out: one per event as it happens, or one a day listing the day's events.</summary>
public enum NotificationDelivery
{
    Immediate,
    DailyDigest,
}

/// <summary>
/// What one maintainer asked to be written about (the portal's "My notifications"), keyed by the signed-in user's subject.
/// <see cref="Email"/> is the maintainer's own address: it is used to address their mails and is never logged.
/// </summary>
/// <param name="Maintainer">The user's subject (<c>sub</c>), or the machine client's id.</param>
/// <param name="NewReportSeverity">New reports at or above this severity; null: none.</param>
/// <param name="SlaBreach">A report assigned to them passed its SLA deadline.</param>
/// <param name="ReporterAnswered">The reporter answered on a report assigned to them.</param>
/// <param name="HostResponded">The host responded to a report assigned to them.</param>
/// <param name="Contested">The reporter contested the host's response on a report assigned to them.</param>
/// <param name="Name">The name reports are assigned to them under (their <c>name</c> claim, as the portal's "assign to me"
/// writes it), taken from their token when they save; null: no report is theirs.</param>
public sealed record MaintainerNotifications(
    string Maintainer,
    string? Email,
    string? NewReportSeverity,
    bool SlaBreach,
    bool ReporterAnswered,
    bool HostResponded,
    bool Contested,
    NotificationDelivery Delivery,
    DateTimeOffset UpdatedAt,
    string? Name = null)
{
    /// <summary>Nothing chosen yet: no mails, the address the maintainer signed in with proposed.</summary>
    public static MaintainerNotifications None(string maintainer, string? email, DateTimeOffset at) =>
        new(maintainer, email, null, false, false, false, false, NotificationDelivery.Immediate, at);

    /// <summary>The report is assigned to them: under exactly their name, as the queue's assignee filter matches.</summary>
    public bool IsAssignee(Report report) => Name is not null && string.Equals(report.Assignee, Name, StringComparison.Ordinal);

    /// <summary>True when some event would be mailed to them.</summary>
    public bool WantsAny => Email is not null
        && (NewReportSeverity is not null || SlaBreach || ReporterAnswered || HostResponded || Contested);
}
