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

    private DistributedSystem(TempDirectory root, List<ServiceProcess> processes, ServiceUrls urls, string signingKey)
    {
        _root = root;
        _processes = processes;
        Api = new SystemUnderTest(urls);
        SigningKey = signingKey;
    }

    public SystemUnderTest Api { get; }

    /// <summary>The key (base64) every process signs and checks its bus messages with.</summary>
    public string SigningKey { get; }

    public IReadOnlyList<ServiceProcess> Processes => _processes;

    /// <summary>Every process's data folder and log file are under here.</summary>
    public string RootDirectory => _root.Path;

    public static Task<DistributedSystem> StartAsync(RabbitMqBroker broker) => StartAsync(broker, new DistributedSystemOptions());

    public static async Task<DistributedSystem> StartAsync(RabbitMqBroker broker, DistributedSystemOptions options)
    {
        var root = new TempDirectory("safetyreports-distributed");
        // (instance, service) pairs: replicas of a service share its data folder, as replicas share a store.
        var instances = new List<(string Instance, string Service)> { ("Identity", "Identity"), ("Intake", "Intake") };
        instances.AddRange(Enumerable.Range(1, options.TriageReplicas).Select(i => (i == 1 ? "Triage" : $"Triage-{i}", "Triage")));
        instances.AddRange(Enumerable.Range(1, options.NotificationReplicas).Select(i => (i == 1 ? "Notification" : $"Notification-{i}", "Notification")));
        var ports = instances.ToDictionary(i => i.Instance, _ => FreePort.Next());
        var issuer = $"http://127.0.0.1:{ports["Identity"]}/";
        var signingKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var processes = new List<ServiceProcess>();
        try
        {
            foreach (var (instance, service) in instances)
            {
                var settings = TestClients.Configuration(issuer);
                settings["SafetyReports:Bus:Transport"] = "RabbitMq";
                settings["ConnectionStrings:RabbitMq"] = broker.ConnectionString;
                settings["SafetyReports:Bus:SigningKey"] = signingKey;
                settings["SafetyReports:Storage:Provider"] = "Sqlite";
                settings["SafetyReports:Storage:DataDirectory"] = Path.Combine(root.Path, service.ToLowerInvariant());
                settings["SafetyReports:DataProtection:KeysDirectory"] = Path.Combine(root.Path, "keys");
                // Triage's replicas share one transparency log key, as deploy/ mounts one Secret into each.
                settings["SafetyReports:Triage:Log:KeyFile"] = Path.Combine(root.Path, "keys", "transparency-log.key");
                settings["SafetyReports:Triage:Log:CreateKeyIfMissing"] = "true";
                // Triage pulls evidence files from Intake, and Notification reads a shared one from Triage, each with its own
                // client (docs/intake.md, "Evidence files"; docs/webhooks.md, "Shared files").
                TestClients.Seed(settings, [TestClients.TriageEvidence, TestClients.NotificationEvidence]);
                settings["SafetyReports:Triage:EvidenceFiles:IntakeUrl"] = $"http://127.0.0.1:{ports["Intake"]}/";
                settings["SafetyReports:Triage:EvidenceFiles:ClientSecret"] = TestClients.TriageEvidence.Secret;
                settings["SafetyReports:Notification:EvidenceFiles:TriageUrl"] = $"http://127.0.0.1:{ports["Triage"]}/";
                settings["SafetyReports:Notification:EvidenceFiles:ClientSecret"] = TestClients.NotificationEvidence.Secret;
                // Information level: the privacy test scans these logs, so they should say something.
                settings["Logging:LogLevel:Default"] = "Information";
                foreach (var (key, value) in options.Settings)
                {
                    settings[key] = value;
                }

                if (options.ServiceSettings.TryGetValue(service, out var own))
                {
                    foreach (var (key, value) in own)
                    {
                        settings[key] = value;
                    }
                }

                processes.Add(ServiceProcess.Start(service, ports[instance], settings, root.Path, instance));
                if (instance == service && instances.Count(i => i.Service == service) > 1)
                {
                    // The first replica creates the shared SQLite schema before the others open the file.
                    await processes[^1].WaitUntilReadyAsync(StartTimeout);
                }
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
        return new DistributedSystem(root, processes, new ServiceUrls(url("Identity"), url("Intake"), url("Triage"), url("Notification")), signingKey);
    }

    /// <summary>The running process named so ("Triage", "Triage-2", …).</summary>
    public ServiceProcess Process(string name) => _processes.Single(p => p.Name == name);

    /// <summary>The data folder a service's replicas share.</summary>
    public string DataDirectory(string service) => Path.Combine(_root.Path, service.ToLowerInvariant());

    /// <summary>SIGKILL, then a new process on the same port, data folder and configuration, awaited until ready.</summary>
    public async Task<TimeSpan> KillAndRestartAsync(string name)
    {
        var index = _processes.FindIndex(p => p.Name == name);
        var old = _processes[index];
        await old.KillAsync();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var replacement = old.StartAgain();
        _processes[index] = replacement;
        await old.DisposeAsync();
        await replacement.WaitUntilReadyAsync(StartTimeout);
        return started.Elapsed;
    }

    /// <summary>
    /// Copies every process's whole log out of the data folder (which is deleted on dispose) into a folder that stays
    /// after the run, so a failure under CI's load can be read afterwards; returns that folder.
    /// </summary>
    public string KeepLogs(string testName)
    {
        var kept = Path.Combine(Path.GetTempPath(), "safetyreports-failed-runs", $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{testName}");
        Directory.CreateDirectory(kept);
        foreach (var process in _processes)
        {
            File.WriteAllText(Path.Combine(kept, $"{process.Name}.log"), process.LogText());
        }

        return kept;
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
