using System.Diagnostics;

namespace SafetyReports.IntegrationTests.Infrastructure;

/// <summary>One service running as its own OS process, configured through environment variables.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _logPath;
    private readonly StartArguments _start;

    private ServiceProcess(string name, string url, Process process, string logPath, StartArguments start)
    {
        Name = name;
        Url = url;
        _process = process;
        _logPath = logPath;
        _start = start;
    }

    /// <summary>The instance's name: the service's name, or e.g. "Triage-2" for a second replica.</summary>
    public string Name { get; }

    public string Url { get; }

    /// <summary>The service whose assembly this process runs.</summary>
    public string Service => _start.Service;

    public string LogPath => _logPath;

    public bool HasExited => _process.HasExited;

    /// <summary>The OS process id (benchmarks read its resident memory from /proc).</summary>
    public int ProcessId => _process.Id;

    public static ServiceProcess Start(string service, int port, IDictionary<string, string> settings, string logDirectory) =>
        Start(service, port, settings, logDirectory, service);

    /// <param name="instanceName">Names the log file; replicas of one service need different names.</param>
    public static ServiceProcess Start(string service, int port, IDictionary<string, string> settings, string logDirectory, string instanceName) =>
        Launch(new StartArguments(service, $"http://127.0.0.1:{port}", PassUrl: true, new Dictionary<string, string>(settings), logDirectory, ReadinessHandler: null), instanceName);

    /// <summary>
    /// A process whose endpoints come from its settings (<c>Kestrel:Endpoints</c>, e.g. https with a
    /// certificate): no <c>--urls</c> is passed, and readiness is checked at <paramref name="url"/> with
    /// clients built on <paramref name="readinessHandler"/> (one that trusts the test certificate).
    /// </summary>
    public static ServiceProcess StartWithEndpoints(string service, string url, IDictionary<string, string> settings, string logDirectory, Func<HttpMessageHandler> readinessHandler) =>
        Launch(new StartArguments(service, url, PassUrl: false, new Dictionary<string, string>(settings), logDirectory, readinessHandler), service);

    private static ServiceProcess Launch(StartArguments arguments, string instanceName)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { RepositoryPaths.ServiceAssembly(arguments.Service) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = arguments.LogDirectory,
        };
        if (arguments.PassUrl)
        {
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add(arguments.Url);
        }

        foreach (var (key, value) in arguments.Settings)
        {
            start.Environment[key.Replace(":", "__")] = value;
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        var logPath = Path.Combine(arguments.LogDirectory, $"{instanceName}.log");
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Exited += (_, _) => Write(log, $"--- exited with {SafeExitCode(process)}");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServiceProcess(instanceName, arguments.Url, process, logPath, arguments);
    }

    /// <summary>
    /// Ends the process with SIGKILL (on Unix, <see cref="Process.Kill()"/> sends SIGKILL): no shutdown
    /// hooks, no flushing, no graceful stop of the bus — a crash as far as the service can tell.
    /// </summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>A new process for the same service, port, configuration and log file (appended to).</summary>
    public ServiceProcess StartAgain() => Launch(_start, Name);

    /// <summary>Like <see cref="StartAgain()"/>, with some settings changed (the rest as before).</summary>
    public ServiceProcess StartAgain(IReadOnlyDictionary<string, string> changes)
    {
        var settings = new Dictionary<string, string>(_start.Settings);
        foreach (var (key, value) in changes)
        {
            settings[key] = value;
        }

        return Launch(_start with { Settings = settings }, Name);
    }

    /// <summary>The whole log so far (the file is appended to across restarts).</summary>
    public string LogText()
    {
        try
        {
            using var stream = new FileStream(_logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (IOException)
        {
            return "";
        }
    }

    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = _start.ReadinessHandler is null ? new HttpClient() : new HttpClient(_start.ReadinessHandler());
        http.Timeout = TimeSpan.FromSeconds(5);
        await Eventually.UntilAsync(async () =>
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{LogTail()}");
            }

            try
            {
                using var response = await http.GetAsync(Url + "/health/ready");
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
            catch (TaskCanceledException)
            {
                return false;
            }
        }, timeout, $"{Name} to be ready at {Url} (log: {_logPath})");
    }

    public string LogTail(int lines = 40)
    {
        try
        {
            using var stream = new FileStream(_logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(lines));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    private sealed record StartArguments(string Service, string Url, bool PassUrl, IDictionary<string, string> Settings, string LogDirectory, Func<HttpMessageHandler>? ReadinessHandler);

    private static string SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }
}
