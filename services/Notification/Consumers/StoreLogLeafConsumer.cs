using MassTransit;
using SafetyReports.Notification.Storage;

namespace SafetyReports.Notification.Consumers;

/// <summary>Keeps the public log's leaf of a host's part in a report, so the host API can show it beside the report.</summary>
public sealed class StoreLogLeafConsumer(IHostLoopStore hostLoop) : IConsumer<AuditLeafRecorded>
{
    public Task Consume(ConsumeContext<AuditLeafRecorded> context) =>
        AuditLeafRecorded.Actions.All.Contains(context.Message.Action)
            ? hostLoop.AddLogLeafAsync(HostLogLeaf.From(context.Message), context.CancellationToken)
            : Task.CompletedTask;
}
