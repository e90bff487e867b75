using MassTransit;
using SafetyReports.Intake.Storage;

namespace SafetyReports.Intake.Consumers;

public sealed class ConfirmHandoverConsumer(ISubmissionStore store) : IConsumer<ReportStored>
{
    public Task Consume(ConsumeContext<ReportStored> context) =>
        store.ConfirmHandoverAsync(context.Message.ReportId, context.Message.StoredAt, context.CancellationToken);
}
