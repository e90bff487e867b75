namespace SafetyReports.Triage.Domain;

/// <summary>
/// Which maintainers are written to about which event, and each mail's id: derived from the maintainer and the event, so
/// the same event seen twice (a redelivered message, a second pass of a loop) is one mail with one Message-ID.
/// </summary>
public static class MaintainerMailRules
{
    /// <summary>How long after its deadline a breach is still news: the SLA watch looks no further back.</summary>
    public static readonly TimeSpan BreachLookback = TimeSpan.FromDays(2);

    /// <summary>How long a sent digest item is kept: longer than any event can come again (<see cref="BreachLookback"/>).</summary>
    public static readonly TimeSpan DigestItemRetention = TimeSpan.FromDays(7);

    /// <summary>
    /// The maintainer asked for new reports at or above a severity and this one is: a report whose severity is not assessed
    /// yet is below every threshold.
    /// </summary>
    public static bool WantsNewReport(MaintainerNotifications preferences, string? severity) =>
        preferences is { Email: not null, NewReportSeverity: { } threshold }
        && Rank(severity) is { } rank && Rank(threshold) is { } least && rank >= least;

    /// <summary>
    /// Whether the maintainer asked to hear of the event: new reports by severity, everything else only on reports
    /// assigned to them. A re-upload of a reported model is news like a new report of its severity, and news on their
    /// report for the assignee who follows its host's responses.
    /// </summary>
    public static bool Wants(MaintainerNotifications preferences, MaintainerEventKind kind, Report report) =>
        preferences.Email is not null && kind switch
        {
            MaintainerEventKind.NewReport => WantsNewReport(preferences, report.Severity),
            MaintainerEventKind.SlaBreach => preferences.SlaBreach && preferences.IsAssignee(report),
            MaintainerEventKind.ReporterAnswered => preferences.ReporterAnswered && preferences.IsAssignee(report),
            MaintainerEventKind.HostResponded => preferences.HostResponded && preferences.IsAssignee(report),
            MaintainerEventKind.Contested => preferences.Contested && preferences.IsAssignee(report),
            MaintainerEventKind.Reupload => WantsNewReport(preferences, report.Severity) || (preferences.HostResponded && preferences.IsAssignee(report)),
            _ => false,
        };

    /// <summary>The maintainers the event concerns, each with how they want it.</summary>
    public static IEnumerable<MaintainerNotifications> Recipients(IEnumerable<MaintainerNotifications> all, MaintainerEventKind kind, Report report) =>
        all.Where(p => Wants(p, kind, report));

    /// <summary>The id of the mail (immediate) or digest item about the event for the maintainer.</summary>
    public static Guid EventId(string maintainer, MaintainerEvent maintainerEvent) =>
        DeterministicId.From($"mail/maintainer/{maintainer}/{maintainerEvent.Key}");

    /// <summary>The id of a digest: from the maintainer and the first item it lists (an item is listed in one digest only).</summary>
    public static Guid DigestMailId(string maintainer, Guid firstItemId) =>
        DeterministicId.From($"mail/maintainer/{maintainer}/digest/{firstItemId:N}");

    /// <summary>The latest digest time at or before <paramref name="now"/>: <paramref name="hourUtc"/> o'clock UTC today, else yesterday.</summary>
    public static DateTimeOffset DigestCutoff(DateTimeOffset now, int hourUtc)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddHours(hourUtc);
        return now >= today ? today : today.AddDays(-1);
    }

    private static int? Rank(string? severity) =>
        Enumerable.Range(0, Severities.All.Count).Where(i => Severities.All[i] == severity).Select(i => (int?)i).FirstOrDefault();
}
