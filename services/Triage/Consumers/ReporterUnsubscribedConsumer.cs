using MassTransit;

namespace SafetyReports.Triage.Consumers;

public sealed class ReporterUnsubscribedConsumer(TriageReports reports) : IConsumer<ReporterUnsubscribed>
{
    public Task Consume(ConsumeContext<ReporterUnsubscribed> context) =>
        reports.UnsubscribeReporterAsync(context.Message, context.CancellationToken);
}
