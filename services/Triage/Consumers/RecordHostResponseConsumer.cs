using MassTransit;

namespace SafetyReports.Triage.Consumers;

/// <summary>Records the host's statement, then queues the reporter's mail about it (after: a refused or failed record sends nothing).</summary>
public sealed class RecordHostResponseConsumer(TriageReports reports, ReporterMails mails) : IConsumer<HostResponded>
{
    public async Task Consume(ConsumeContext<HostResponded> context)
    {
        await reports.RecordHostResponseAsync(context.Message, context.CancellationToken);
        await mails.HostRespondedAsync(context.Message, context.CancellationToken);
    }
}
