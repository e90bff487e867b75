using MassTransit;

namespace SafetyReports.Triage.Consumers;

/// <summary>
/// What happens on a report after triage, for the maintainer it is assigned to (if they asked): the reporter answered,
/// the host responded, the reporter contested. Each event's key comes from the message, so a repeat is mailed once.
/// </summary>
public sealed class MaintainerActivityMailConsumer(MaintainerMails mails)
    : IConsumer<ReporterReplied>, IConsumer<HostResponded>, IConsumer<ReporterContested>
{
    public Task Consume(ConsumeContext<ReporterReplied> context) =>
        mails.NotifyAsync(MaintainerEvent.ReporterAnswered(context.Message.ReportId, context.Message.MessageId, context.Message.SentAt), context.CancellationToken);

    public Task Consume(ConsumeContext<HostResponded> context) =>
        mails.NotifyAsync(
            MaintainerEvent.HostResponded(context.Message.ReportId, context.Message.HostId, context.Message.Revision, context.Message.RespondedAt),
            context.CancellationToken);

    public Task Consume(ConsumeContext<ReporterContested> context) =>
        mails.NotifyAsync(MaintainerEvent.Contested(context.Message.ReportId, context.Message.ContestId, context.Message.ContestedAt), context.CancellationToken);
}
