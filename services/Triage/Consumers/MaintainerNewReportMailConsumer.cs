using MassTransit;

namespace SafetyReports.Triage.Consumers;

/// <summary>Triage reads its own <see cref="ReportStored"/> back from the bus to write to the maintainers who asked, once the report is committed.</summary>
public sealed class MaintainerNewReportMailConsumer(MaintainerMails mails) : IConsumer<ReportStored>
{
    public Task Consume(ConsumeContext<ReportStored> context) =>
        mails.NewReportAsync(context.Message.ReportId, context.CancellationToken);
}
