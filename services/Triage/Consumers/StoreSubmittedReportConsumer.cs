using MassTransit;

namespace SafetyReports.Triage.Consumers;

/// <summary>
/// Stores a submitted report once and confirms it to Intake. A repeated submission (Intake re-sends
/// until it hears back) changes nothing and is confirmed again, in case the first confirmation was lost.
/// </summary>
public sealed class StoreSubmittedReportConsumer(TriageReports reports, TimeProvider clock) : IConsumer<ReportSubmitted>
{
    public async Task Consume(ConsumeContext<ReportSubmitted> context)
    {
        var added = await reports.ReceiveAsync(context.Message, context.CancellationToken);
        if (!added)
        {
            await context.Publish(new ReportStored(context.Message.ReportId, clock.GetUtcNow()), context.CancellationToken);
        }
    }
}
