using MassTransit;

namespace SafetyReports.Triage.Consumers;

public sealed class RecordHostResponseConsumer(TriageReports reports) : IConsumer<HostResponded>
{
    public Task Consume(ConsumeContext<HostResponded> context) =>
        reports.RecordHostResponseAsync(context.Message, context.CancellationToken);
}
