using MassTransit;
using SafetyReports.Intake.Storage;

namespace SafetyReports.Intake.Consumers;

/// <summary>
/// Shows the host's statement of reasons on the reporter's receipt (its latest revision, without the host's note); only the
/// host the report names: hosts serving a copy of the model answer the maintainers.
/// Named apart from Triage's consumer of the same event: endpoint names follow consumer names, and two services
/// sharing one queue would each get only some of the events.
/// </summary>
public sealed class UpdateReceiptHostResponseConsumer(ISubmissionStore store) : IConsumer<HostResponded>
{
    public Task Consume(ConsumeContext<HostResponded> context) =>
        context.Message.OfCopy
            ? Task.CompletedTask
            : store.ApplyHostResponseAsync(context.Message.ReportId, ReceiptHostResponse.From(context.Message), context.CancellationToken);
}
