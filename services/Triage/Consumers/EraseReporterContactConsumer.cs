using MassTransit;

namespace SafetyReports.Triage.Consumers;

public sealed class EraseReporterContactConsumer(TriageReports reports) : IConsumer<ReporterContactErased>
{
    public Task Consume(ConsumeContext<ReporterContactErased> context) =>
        reports.EraseContactAsync(context.Message, context.CancellationToken);
}
