using MassTransit;

namespace SafetyReports.Triage.Consumers;

/// <summary>Adds a host the report reached besides its own (a copy of the model) once, however often it arrives.</summary>
public sealed class RecordReachedHostConsumer(TriageReports reports) : IConsumer<ReportReachedHost>
{
    public Task Consume(ConsumeContext<ReportReachedHost> context) =>
        reports.RecordReachedHostAsync(context.Message, context.CancellationToken);
}
