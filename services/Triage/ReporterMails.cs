using SafetyReports.Triage.Storage;

namespace SafetyReports.Triage;

/// <summary>
/// Queues the reporter's mails in Triage's mail outbox (sent by <see cref="MailDispatcher{TStore}"/>): Triage is the one service
/// that holds the reporter's contact and decrypts it, only here and only to address the mail, which is kept encrypted until sent.
/// Called for each status change and each recorded host response; a repeated event queues nothing new (<see cref="ReporterMailRules.MailId"/>).
/// </summary>
public sealed class ReporterMails(
    ITriageStore store, ReporterContactProtector contacts, ReporterLinks links, MailProtector protector, EmailOptions options, TimeProvider clock)
{
    public Task StatusChangedAsync(ReportStatusChanged changed, CancellationToken cancellationToken) =>
        ReporterMailRules.ForStatusChange(changed) is { } kind
            ? QueueAsync(changed.ReportId, kind, changed.Version, changed.Status, changed.PublicNote, cancellationToken)
            : Task.CompletedTask;

    public Task HostRespondedAsync(HostResponded responded, CancellationToken cancellationToken) =>
        QueueAsync(responded.ReportId, ReporterMailKind.HostResponded, responded.Revision, null, null, cancellationToken);

    private async Task QueueAsync(
        Guid reportId, ReporterMailKind kind, long sequence, string? status, string? publicNote, CancellationToken cancellationToken)
    {
        var report = await store.GetReportAsync(reportId, cancellationToken);
        if (report is null || !ReporterMailRules.Wants(report))
        {
            return;
        }

        // An undecryptable contact (a key-ring problem, reported by the health check) leaves nobody to write to.
        if (contacts.Read(report.ProtectedContact).Contact is not { Email: { } email } contact || !MailboxAddressCheck.IsAddress(email))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var expires = now + options.StatusLinkLifetime;
        var mail = ReporterMailComposer.Compose(
            ReporterMailRules.MailId(reportId, kind, sequence), report, kind, status, publicNote, contact,
            options.Link(ReporterLinks.StatusLink(links.StatusToken(reportId, expires))), expires,
            options.Link(ReporterLinks.UnsubscribeLink(links.UnsubscribeToken(reportId))));
        await store.QueueMailAsync(protector.Queue(mail, now), cancellationToken);
    }
}
