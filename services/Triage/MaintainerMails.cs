using SafetyReports.Triage.Storage;

namespace SafetyReports.Triage;

/// <summary>
/// Queues the maintainers' mails in Triage's mail outbox (sent by <see cref="MailDispatcher{TStore}"/>), per their choices
/// (<see cref="MaintainerNotifications"/>). Each mail's id comes from the maintainer and the event
/// (<see cref="MaintainerMailRules"/>): a redelivered event queues nothing new. No address is ever logged.
/// </summary>
public sealed class MaintainerMails(ITriageStore store, MailProtector protector, EmailOptions options, TimeProvider clock)
{
    /// <summary>The maintainers' link to a report: the portal's report page under <see cref="EmailOptions.PublicBaseUrl"/>.</summary>
    public Uri ReportLink(Guid reportId) => options.Link($"portal/reports/{reportId}");

    public async Task NewReportAsync(Guid reportId, CancellationToken cancellationToken)
    {
        var report = await store.GetReportAsync(reportId, cancellationToken);
        if (report is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var maintainer in MaintainerMailRules.ImmediateForNewReport(await store.ListMaintainerNotificationsAsync(cancellationToken), report.Severity))
        {
            var mail = MaintainerMailComposer.NewReport(
                MaintainerMailRules.NewReportMailId(maintainer.Maintainer, reportId), maintainer.Email!, report, ReportLink(reportId));
            await store.QueueMailAsync(protector.Queue(mail, now), cancellationToken);
        }
    }
}
