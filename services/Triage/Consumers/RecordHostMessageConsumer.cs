using MassTransit;

namespace SafetyReports.Triage.Consumers;

/// <summary>Adds the host's message to the report's thread once (by message id), however often it arrives.</summary>
public sealed class RecordHostMessageConsumer(TriageReports reports) : IConsumer<HostMessagedMaintainers>
{
    public Task Consume(ConsumeContext<HostMessagedMaintainers> context) =>
        reports.RecordHostMessageAsync(context.Message, context.CancellationToken);
}
