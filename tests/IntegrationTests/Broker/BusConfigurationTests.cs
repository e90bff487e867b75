using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Broker;

/// <summary>A service on RabbitMQ that is missing its signing key or has a broken TLS setting does not start.</summary>
[Trait("Speed", "Slow")]
public class BusConfigurationTests
{
    [Fact]
    public async Task A_RabbitMQ_service_without_a_signing_key_and_with_a_missing_CA_file_stops_at_start_naming_both_settings()
    {
        using var folder = new TempDirectory("safetyreports-bus-config");
        var settings = TestClients.Configuration("http://127.0.0.1:1/");
        settings["SafetyReports:Bus:Transport"] = "RabbitMq";
        // No broker is needed: the configuration is refused before any connection.
        settings["ConnectionStrings:RabbitMq"] = "amqps://guest:guest@127.0.0.1:1/";
        settings["SafetyReports:Bus:Tls:CaCertificatePath"] = Path.Combine(folder.Path, "missing-ca.pem");
        settings["SafetyReports:Storage:Provider"] = "Sqlite";
        settings["SafetyReports:Storage:DataDirectory"] = Path.Combine(folder.Path, "data");
        await using var process = ServiceProcess.Start("Intake", FreePort.Next(), settings, folder.Path);

        await Eventually.UntilAsync(() => Task.FromResult(process.HasExited && process.LogText().Contains("The RabbitMQ bus is misconfigured")),
            TimeSpan.FromSeconds(60), "Intake to stop at start and say why");

        var log = process.LogText();
        Assert.Contains("SafetyReports:Bus:SigningKey", log);
        Assert.Contains("SafetyReports:Bus:Tls:CaCertificatePath", log);
        Assert.Contains("does not exist", log);
    }
}
