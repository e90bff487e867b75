using MassTransit;

namespace SafetyReports.Triage.Consumers;

public sealed class RecordReporterReplyConsumer(TriageReports reports) : IConsumer<ReporterReplied>
{
    public Task Consume(ConsumeContext<ReporterReplied> context) =>
        reports.RecordReporterReplyAsync(context.Message, context.CancellationToken);
}
