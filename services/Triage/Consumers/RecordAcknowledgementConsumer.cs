using MassTransit;

namespace SafetyReports.Triage.Consumers;

public sealed class RecordAcknowledgementConsumer(TriageReports reports) : IConsumer<HostAcknowledged>
{
    public Task Consume(ConsumeContext<HostAcknowledged> context) =>
        reports.RecordAcknowledgementAsync(context.Message, context.CancellationToken);
}
