namespace SafetyReports.Triage.Domain;

/// <summary>
/// Which maintainers are written to about which event, and each mail's id: derived from the maintainer, the event and the
/// report, so the same event seen twice (a redelivered message) is one mail with one Message-ID.
/// </summary>
public static class MaintainerMailRules
{
    /// <summary>
    /// The maintainer asked for new reports at or above a severity and this one is: a report whose severity is not assessed
    /// yet is below every threshold.
    /// </summary>
    public static bool WantsNewReport(MaintainerNotifications preferences, string? severity) =>
        preferences is { Email: not null, NewReportSeverity: { } threshold }
        && Rank(severity) is { } rank && Rank(threshold) is { } least && rank >= least;

    /// <summary>The maintainers whose immediate mail a new report of <paramref name="severity"/> calls for.</summary>
    public static IEnumerable<MaintainerNotifications> ImmediateForNewReport(IEnumerable<MaintainerNotifications> all, string? severity) =>
        all.Where(p => p.Delivery == NotificationDelivery.Immediate && WantsNewReport(p, severity));

    public static Guid NewReportMailId(string maintainer, Guid reportId) =>
        DeterministicId.From($"mail/maintainer/{maintainer}/new-report/{reportId:N}");

    private static int? Rank(string? severity) =>
        Enumerable.Range(0, Severities.All.Count).Where(i => Severities.All[i] == severity).Select(i => (int?)i).FirstOrDefault();
}
