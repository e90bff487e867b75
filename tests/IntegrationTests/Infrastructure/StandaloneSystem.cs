using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SafetyReports.Standalone;

namespace SafetyReports.IntegrationTests.Infrastructure;

/// <summary>The Standalone host, started in this process on a real Kestrel port with its own data folder.</summary>
public sealed class StandaloneSystem : IAsyncDisposable
{
    private readonly TempDirectory _data;

    private StandaloneSystem(WebApplication app, string url, TempDirectory data)
    {
        App = app;
        Url = url;
        _data = data;
        Api = new SystemUnderTest(new ServiceUrls(url, url, url, url));
    }

    public WebApplication App { get; }

    public string Url { get; }

    public string DataDirectory => _data.Path;

    public SystemUnderTest Api { get; }

    public IServiceProvider Services => App.Services;

    public static Task<StandaloneSystem> StartAsync(IDictionary<string, string>? overrides = null) =>
        StartAsync(new TempDirectory("safetyreports-standalone"), overrides);

    /// <summary>
    /// Stops this instance as a crash-free restart would (its data folder kept) and starts another on the same data with
    /// <paramref name="overrides"/>; the new one owns the data folder, and this one must not be used again.
    /// </summary>
    public async Task<StandaloneSystem> RestartAsync(IDictionary<string, string>? overrides = null)
    {
        Api.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return await StartAsync(_data, overrides);
    }

    private static async Task<StandaloneSystem> StartAsync(TempDirectory data, IDictionary<string, string>? overrides)
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var settings = TestClients.Configuration(url + "/");
        settings["SafetyReports:Storage:DataDirectory"] = data.Path;
        // Links in mails point at this instance.
        settings["SafetyReports:Email:PublicBaseUrl"] = url + "/";
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var args = new List<string> { $"--urls={url}" };
        args.AddRange(settings.Select(s => $"--{s.Key}={s.Value}"));
        var app = StandaloneApp.Build([.. args]);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            // A start refused by validation leaves nothing behind.
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            data.Dispose();
            throw;
        }

        return new StandaloneSystem(app, url, data);
    }

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
