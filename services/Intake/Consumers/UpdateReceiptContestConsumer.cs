using MassTransit;
using SafetyReports.Intake.Storage;

namespace SafetyReports.Intake.Consumers;

/// <summary>Moves a reporter's contest on their receipt as the maintainers decide: forwarded to the host, or closed with a note.</summary>
public sealed class UpdateReceiptContestConsumer(ISubmissionStore store) : IConsumer<ContestForwarded>, IConsumer<ContestClosed>
{
    public Task Consume(ConsumeContext<ContestForwarded> context) =>
        store.UpdateContestsAsync(context.Message.ReportId, contests => ContestRules.Forwarded(contests, context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<ContestClosed> context) =>
        store.UpdateContestsAsync(context.Message.ReportId, contests => ContestRules.Closed(contests, context.Message), context.CancellationToken);
}
