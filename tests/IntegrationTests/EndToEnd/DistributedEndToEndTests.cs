using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.EndToEnd;

public class DistributedEndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_report_travels_across_separate_processes_over_RabbitMQ()
    {
        await using var broker = await RabbitMqBroker.CreateVirtualHostAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var system = await DistributedSystem.StartAsync(broker);
        try
        {
            await ReportJourney.RunAsync(system.Api, receiver);
        }
        catch
        {
            output.WriteLine(system.Logs());
            throw;
        }
    }
}
