using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.IntegrationTests.Secrets;

namespace SafetyReports.IntegrationTests.EndToEnd;

[Trait("Speed", "Slow")]
[Collection(RabbitMqCollection.Name)]
public class DistributedEndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_report_travels_across_separate_processes_over_RabbitMQ_and_the_host_loop_closes()
    {
        await using var broker = await RabbitMqBroker.CreateVirtualHostAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var system = await DistributedSystem.StartAsync(broker, new DistributedSystemOptions { Settings = HostLoopJourney.Settings });
        try
        {
            var values = await ReportJourney.RunAsync(system.Api, receiver);
            var loop = await HostLoopJourney.RunAsync(system.Api, receiver);
            var secrets = KnownSecrets.OfSharedClients();
            secrets.Add("reporter e-mail", values.Email);
            secrets.Add("webhook secret", values.WebhookSecret);
            secrets.Add("status token", values.StatusToken);
            secrets.Add("the host loop's reporter e-mail", loop.Email);
            secrets.Add("the host loop's status token", loop.StatusToken);
            secrets.Add("the host loop's webhook secret", loop.WebhookSecret);
            foreach (var client in new[] { TestClients.Triager, TestClients.Admin, TestClients.HostA })
            {
                secrets.Add($"access token of {client.ClientId}", await system.Api.TokenAsync(client));
            }

            AssertNowhereInPlainText(system.RootDirectory, secrets);
        }
        catch
        {
            output.WriteLine(system.Logs());
            throw;
        }
    }

    /// <summary>No secret, token or reporter e-mail of the run appears in any store file or any process's log.</summary>
    private static void AssertNowhereInPlainText(string root, KnownSecrets secrets)
    {
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".log", StringComparison.Ordinal) || f.Contains(".db", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(files, f => f.EndsWith("Intake.log", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("triage.db", StringComparison.Ordinal));
        Assert.Empty(secrets.FoundIn(files));
        foreach (var log in files.Where(f => f.EndsWith(".log", StringComparison.Ordinal)))
        {
            using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            Assert.Empty(secrets.FoundIn(reader.ReadToEnd()).Select(what => $"{what} in {Path.GetFileName(log)}"));
        }
    }
}
