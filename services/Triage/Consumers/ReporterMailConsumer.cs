using MassTransit;

namespace SafetyReports.Triage.Consumers;

/// <summary>Triage reads its own status changes back from the bus to write to the reporter, once the change is committed.</summary>
public sealed class ReporterMailConsumer(ReporterMails mails) : IConsumer<ReportStatusChanged>
{
    public Task Consume(ConsumeContext<ReportStatusChanged> context) =>
        mails.StatusChangedAsync(context.Message, context.CancellationToken);
}
