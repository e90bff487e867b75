using MassTransit;

namespace SafetyReports.Notification.Consumers;

/// <summary>Tells a host the report the maintainers sent it (a re-upload of a resolved report's model; <see cref="ReportFanOut"/>).</summary>
public sealed class ShareWithHostConsumer(ReportFanOut fanOut) : IConsumer<ReportSharedWithHost>
{
    public Task Consume(ConsumeContext<ReportSharedWithHost> context) => fanOut.SharedWithHostAsync(context.Message, context.CancellationToken);
}
