using MassTransit;

namespace SafetyReports.Notification.Consumers;

/// <summary>Looks again for copies of a triaged report's model when the maintainers changed its digests (<see cref="ReportFanOut"/>).</summary>
public sealed class FanOutModelChangeConsumer(ReportFanOut fanOut) : IConsumer<ReportModelChanged>
{
    public Task Consume(ConsumeContext<ReportModelChanged> context) => fanOut.ModelChangedAsync(context.Message, context.CancellationToken);
}
