namespace SafetyReports.IntegrationTests.Infrastructure;

/// <summary>
/// Identity, Intake, Triage and Notification as separate OS processes over the real RabbitMQ, each
/// with its own SQLite data folder; Intake and Triage share the Data Protection key folder.
/// </summary>
public sealed class DistributedSystem : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly List<ServiceProcess> _processes;
    private readonly TempDirectory _root;

    private DistributedSystem(TempDirectory root, List<ServiceProcess> processes, ServiceUrls urls)
    {
        _root = root;
        _processes = processes;
        Api = new SystemUnderTest(urls);
    }

    public SystemUnderTest Api { get; }

    public IReadOnlyList<ServiceProcess> Processes => _processes;

    /// <summary>Every process's data folder and log file are under here.</summary>
    public string RootDirectory => _root.Path;

    public static async Task<DistributedSystem> StartAsync(RabbitMqBroker broker)
    {
        var root = new TempDirectory("safetyreports-distributed");
        var ports = new Dictionary<string, int>
        {
            ["Identity"] = FreePort.Next(),
            ["Intake"] = FreePort.Next(),
            ["Triage"] = FreePort.Next(),
            ["Notification"] = FreePort.Next(),
        };
        var issuer = $"http://127.0.0.1:{ports["Identity"]}/";
        var processes = new List<ServiceProcess>();
        try
        {
            foreach (var (service, port) in ports)
            {
                var settings = TestClients.Configuration(issuer);
                settings["SafetyReports:Bus:Transport"] = "RabbitMq";
                settings["ConnectionStrings:RabbitMq"] = broker.ConnectionString;
                settings["SafetyReports:Storage:Provider"] = "Sqlite";
                settings["SafetyReports:Storage:DataDirectory"] = Path.Combine(root.Path, service.ToLowerInvariant());
                settings["SafetyReports:DataProtection:KeysDirectory"] = Path.Combine(root.Path, "keys");
                // Information level: the privacy test scans these logs, so they should say something.
                settings["Logging:LogLevel:Default"] = "Information";
                processes.Add(ServiceProcess.Start(service, port, settings, root.Path));
            }

            await Task.WhenAll(processes.Select(p => p.WaitUntilReadyAsync(StartTimeout)));
        }
        catch
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }

            root.Dispose();
            throw;
        }

        var url = (string name) => processes.Single(p => p.Name == name).Url;
        return new DistributedSystem(root, processes, new ServiceUrls(url("Identity"), url("Intake"), url("Triage"), url("Notification")));
    }

    public string Logs() => string.Join("\n\n", _processes.Select(p => $"== {p.Name} ==\n{p.LogTail()}"));

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        _root.Dispose();
    }
}
