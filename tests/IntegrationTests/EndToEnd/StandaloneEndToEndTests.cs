using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.EndToEnd;

[Trait("Speed", "Slow")]
public class StandaloneEndToEndTests
{
    [Fact]
    public async Task A_report_travels_from_submission_to_the_hosts_acknowledgement()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var system = await StandaloneSystem.StartAsync();
        await ReportJourney.RunAsync(system.Api, receiver);
    }

    [Fact]
    public async Task The_loop_closes_from_a_shared_notice_to_a_forwarded_contest_counted_in_the_figures()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var system = await StandaloneSystem.StartAsync(HostLoopJourney.Settings);
        await HostLoopJourney.RunAsync(system.Api, receiver);
    }
}
