using MassTransit;

namespace SafetyReports.Triage.Consumers;

/// <summary>Records a reporter's contest of the host's response once (by contest id), however often it arrives.</summary>
public sealed class RecordReporterContestConsumer(TriageReports reports) : IConsumer<ReporterContested>
{
    public Task Consume(ConsumeContext<ReporterContested> context) =>
        reports.RecordContestAsync(context.Message, context.CancellationToken);
}
