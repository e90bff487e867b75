using MassTransit;

namespace SafetyReports.Triage.Consumers;

public sealed class RecordDeliveryConsumer(TriageReports reports) : IConsumer<WebhookDelivered>
{
    public Task Consume(ConsumeContext<WebhookDelivered> context) =>
        reports.RecordDeliveryAsync(context.Message, context.CancellationToken);
}
