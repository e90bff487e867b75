using MassTransit;

namespace SafetyReports.Notification.Consumers;

/// <summary>
/// Turns a report's status change into deliveries for its host's matching subscriptions and those of every host serving a
/// copy of its model (<see cref="ReportFanOut"/>), and keeps each route's summary (what the host API shows) at the report's
/// latest status; a host without an enabled subscription is written to instead (<see cref="HostMails"/>).
/// </summary>
public sealed class PlanWebhookDeliveriesConsumer(ReportFanOut fanOut) : IConsumer<ReportStatusChanged>
{
    public Task Consume(ConsumeContext<ReportStatusChanged> context) => fanOut.StatusChangedAsync(context.Message, context.CancellationToken);
}
