using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.EndToEnd;

[Collection(RabbitMqCollection.Name)]
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
            var email = await ReportJourney.RunAsync(system.Api, receiver);
            AssertNowhereInPlainText(system.RootDirectory, email);
        }
        catch
        {
            output.WriteLine(system.Logs());
            throw;
        }
    }

    /// <summary>The reporter's e-mail address appears in no store file and no log of any process.</summary>
    private static void AssertNowhereInPlainText(string root, string email)
    {
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".log", StringComparison.Ordinal) || f.Contains(".db", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(files, f => f.EndsWith("Intake.log", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("triage.db", StringComparison.Ordinal));
        foreach (var file in files)
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            Assert.DoesNotContain(email, reader.ReadToEnd());
        }
    }
}
