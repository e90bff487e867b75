using MassTransit;
using SafetyReports.Intake.Storage;

namespace SafetyReports.Intake.Consumers;

/// <summary>Keeps the reporter's receipt in step with Triage's status and public notes.</summary>
public sealed class UpdateReceiptConsumer(ISubmissionStore store) : IConsumer<ReportStatusChanged>
{
    public Task Consume(ConsumeContext<ReportStatusChanged> context)
    {
        var m = context.Message;
        return store.ApplyStatusAsync(m.ReportId, m.Status, m.Version, m.PublicNote, m.ChangedAt, context.CancellationToken);
    }
}
