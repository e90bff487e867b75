using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Secrets;

/// <summary>
/// The Standalone host as its own process, with its data folder and its console log in one temporary
/// folder, so a test can read every byte it stored and logged, and restart it on the same data.
/// </summary>
public sealed class StandaloneProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly TempDirectory _root;
    private ServiceProcess _process;

    private StandaloneProcess(TempDirectory root, ServiceProcess process)
    {
        _root = root;
        _process = process;
        Api = NewApi();
    }

    public string DataDirectory => Path.Combine(_root.Path, "data");

    public SystemUnderTest Api { get; private set; }

    /// <param name="withoutSettings">Keys of the shared test configuration to leave out, so the service's own default applies.</param>
    public static async Task<StandaloneProcess> StartAsync(IDictionary<string, string> extraSettings, IEnumerable<string>? withoutSettings = null)
    {
        var root = new TempDirectory("safetyreports-standalone-process");
        var port = FreePort.Next();
        var settings = TestClients.Configuration($"http://127.0.0.1:{port}/");
        settings["SafetyReports:Storage:DataDirectory"] = Path.Combine(root.Path, "data");
        foreach (var key in withoutSettings ?? [])
        {
            settings.Remove(key);
        }

        foreach (var (key, value) in extraSettings)
        {
            settings[key] = value;
        }

        var process = ServiceProcess.Start("Standalone", port, settings, root.Path);
        try
        {
            await process.WaitUntilReadyAsync(StartTimeout);
        }
        catch
        {
            await process.DisposeAsync();
            root.Dispose();
            throw;
        }

        return new StandaloneProcess(root, process);
    }

    /// <summary>Kills the process (no graceful shutdown) and starts it again on the same data folder.</summary>
    public Task RestartAsync() => RestartAsync(new Dictionary<string, string>());

    /// <summary>Kills the process and starts it again on the same data folder with some settings changed.</summary>
    public async Task RestartAsync(IReadOnlyDictionary<string, string> changes)
    {
        await _process.KillAsync();
        var next = _process.StartAgain(changes);
        await _process.DisposeAsync();
        _process = next;
        await _process.WaitUntilReadyAsync(StartTimeout);
        Api.Dispose();
        Api = NewApi();
    }

    public string Logs() => _process.LogText();

    /// <summary>Every file under the data folder (SQLite files with their -wal and -shm, key rings).</summary>
    public IReadOnlyList<string> StoreFiles() => Directory.EnumerateFiles(DataDirectory, "*", SearchOption.AllDirectories).ToList();

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await _process.DisposeAsync();
        _root.Dispose();
    }

    private SystemUnderTest NewApi() => new(new ServiceUrls(_process.Url, _process.Url, _process.Url, _process.Url));
}
