using MassTransit;
using SafetyReports.Contracts;

namespace SafetyReports.Bench.EndToEnd;

/// <summary>
/// Listens on the broker for Triage's <see cref="ReportStored"/> (on a temporary queue of its own, so the
/// services' queues are untouched) and calls back as soon as a report is in Triage.
/// </summary>
public static class StoredReportTap
{
    public static async Task<IBusControl> StartAsync(string rabbitMqUri, Action<Guid> onStored, CancellationToken cancellationToken)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri(rabbitMqUri));
            cfg.ReceiveEndpoint(endpoint =>
            {
                endpoint.PrefetchCount = 256;
                endpoint.Handler<ReportStored>(context =>
                {
                    onStored(context.Message.ReportId);
                    return Task.CompletedTask;
                });
            });
        });
        await bus.StartAsync(cancellationToken);
        return bus;
    }
}
