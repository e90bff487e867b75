using MassTransit;
using SafetyReports.Triage.Storage;

namespace SafetyReports.Triage.Consumers;

/// <summary>
/// Records a disabled webhook subscription in the audit of each report it leaves unannounced. Whether a
/// report has the entry already is read from its audit, and the version check makes a concurrent
/// repeat of the message re-read and find it.
/// </summary>
public sealed class RecordWebhookDisableConsumer(ITriageStore store, TimeProvider clock) : IConsumer<WebhookSubscriptionDisabled>
{
    private const int MaxAttempts = 10;

    public async Task Consume(ConsumeContext<WebhookSubscriptionDisabled> context)
    {
        foreach (var reportId in context.Message.AffectedReportIds.Distinct())
        {
            await RecordAsync(reportId, context.Message, context.CancellationToken);
        }
    }

    private async Task RecordAsync(Guid reportId, WebhookSubscriptionDisabled disabled, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var report = await store.GetReportAsync(reportId, cancellationToken);
            if (report is null || WebhookDisableNotice.IsRecorded(await store.GetAuditAsync(reportId, cancellationToken), disabled))
            {
                return;
            }

            var (updated, audit) = WebhookDisableNotice.Record(report, disabled, clock.GetUtcNow());
            if (await store.UpdateReportAsync(updated, report.Version, audit, [], cancellationToken))
            {
                return;
            }
        }

        throw new InvalidOperationException($"Report {reportId} kept changing; the message will be retried.");
    }
}
