using MassTransit;
using SafetyReports.Triage.Evidence;

namespace SafetyReports.Triage.Consumers;

/// <summary>
/// Stores a submitted report once and confirms it to Intake. A repeated submission (Intake re-sends
/// until it hears back) changes nothing and is confirmed again, in case the first confirmation was lost.
/// A report with evidence files has them pulled from Intake and checked first, then stored with the report in one
/// transaction (docs/intake.md "Evidence files"): a failed pull throws, nothing is stored, and the message comes again.
/// </summary>
public sealed class StoreSubmittedReportConsumer(TriageReports reports, IEvidenceFileSource evidence, TimeProvider clock) : IConsumer<ReportSubmitted>
{
    public async Task Consume(ConsumeContext<ReportSubmitted> context)
    {
        var submitted = context.Message;
        // Once confirmed, Intake no longer holds the bytes: a late copy of the message must be confirmed, not pulled again.
        var added = submitted.EvidenceFiles.Count > 0 && await reports.ExistsAsync(submitted.ReportId, context.CancellationToken)
            ? false
            : await reports.ReceiveAsync(submitted, submitted.EvidenceFiles.Count == 0 ? [] : await evidence.PullAsync(submitted, context.CancellationToken),
                context.CancellationToken);
        if (!added)
        {
            await context.Publish(new ReportStored(submitted.ReportId, clock.GetUtcNow()), context.CancellationToken);
        }
    }
}
