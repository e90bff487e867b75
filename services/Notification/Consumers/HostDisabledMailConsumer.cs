using MassTransit;

namespace SafetyReports.Notification.Consumers;

/// <summary>Notification reads its own announcement of a disabled subscription back from the bus to write to the host, once the disable is committed.</summary>
public sealed class HostDisabledMailConsumer(HostMails mails) : IConsumer<WebhookSubscriptionDisabled>
{
    public Task Consume(ConsumeContext<WebhookSubscriptionDisabled> context) =>
        mails.SubscriptionDisabledAsync(context.Message, context.CancellationToken);
}
