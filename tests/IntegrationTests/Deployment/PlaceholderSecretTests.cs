using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Deployment;

/// <summary>
/// The secrets docker-compose.yml used to ship as defaults, given to real processes: each refuses to start and names
/// the setting (and never prints the value), instead of running with a secret every reader of the repository knows.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class PlaceholderSecretTests
{
    [Fact]
    public async Task Standalone_with_placeholder_client_admin_and_portal_secrets_stops_at_start_naming_each_setting()
    {
        using var folder = new TempDirectory("safetyreports-placeholders");
        var settings = TestClients.Configuration("http://127.0.0.1:1/");
        settings["SafetyReports:Identity:Clients:0:ClientSecret"] = "change-me";
        settings["SafetyReports:Identity:Admin:Email"] = "admin@example.org";
        settings["SafetyReports:Identity:Admin:Password"] = "ChangeMe-Admin-1";
        settings["SafetyReports:Portal:ClientSecret"] = "change-me";
        settings["SafetyReports:Storage:DataDirectory"] = Path.Combine(folder.Path, "data");
        await using var process = ServiceProcess.Start("Standalone", FreePort.Next(), settings, folder.Path);

        await Eventually.UntilAsync(() => Task.FromResult(process.HasExited), TimeSpan.FromSeconds(60), "Standalone to stop at start");

        var log = process.LogText();
        Assert.Contains("SafetyReports:Identity:Clients:0:ClientSecret is a placeholder", log);
        Assert.Contains("SafetyReports:Identity:Admin:Password is a placeholder", log);
        Assert.Contains("SafetyReports:Portal:ClientSecret is a placeholder", log);
        Assert.DoesNotContain("ChangeMe-Admin-1", log);
    }

    [Fact]
    public async Task A_service_on_RabbitMQ_with_the_old_compose_signing_key_stops_at_start_naming_the_setting()
    {
        using var folder = new TempDirectory("safetyreports-placeholder-key");
        var settings = TestClients.Configuration("http://127.0.0.1:1/");
        settings["SafetyReports:Bus:Transport"] = "RabbitMq";
        settings["ConnectionStrings:RabbitMq"] = "amqp://guest:guest@127.0.0.1:1/";
        settings["SafetyReports:Bus:SigningKey"] = "Y2hhbmdlLW1lLWNoYW5nZS1tZS1jaGFuZ2UtbWUtY2hhbmdlLW1l";
        settings["SafetyReports:Storage:Provider"] = "Sqlite";
        settings["SafetyReports:Storage:DataDirectory"] = Path.Combine(folder.Path, "data");
        await using var process = ServiceProcess.Start("Intake", FreePort.Next(), settings, folder.Path);

        await Eventually.UntilAsync(() => Task.FromResult(process.HasExited), TimeSpan.FromSeconds(60), "Intake to stop at start");

        Assert.Contains("SafetyReports:Bus:SigningKey is a placeholder", process.LogText());
    }
}
