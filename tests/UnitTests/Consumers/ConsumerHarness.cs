using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SafetyReports.ServiceDefaults.Hosting;
using SafetyReports.ServiceDefaults.Messaging;

namespace SafetyReports.UnitTests.Consumers;

/// <summary>
/// One service's module, composed as its host composes it (its stores on SQLite in a temporary folder, its outbox
/// dispatcher), on MassTransit's in-memory test harness instead of the process's bus: the module's own consumers
/// take what a test publishes, and the harness records what they consume and publish. Milliseconds per test.
/// </summary>
public sealed class ConsumerHarness : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DirectoryInfo _folder;

    private ConsumerHarness(WebApplication app, DirectoryInfo folder)
    {
        _app = app;
        _folder = folder;
        Harness = app.Services.GetRequiredService<ITestHarness>();
    }

    public ITestHarness Harness { get; }

    public IServiceProvider Services => _app.Services;

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <param name="addModule">The module under test, e.g. <c>b => b.AddTriage()</c>.</param>
    public static async Task<ConsumerHarness> StartAsync(Action<WebApplicationBuilder> addModule)
    {
        var folder = Directory.CreateTempSubdirectory("safetyreports-consumers-");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SafetyReports:Storage:Provider"] = "Sqlite",
            ["SafetyReports:Storage:DataDirectory"] = folder.FullName,
            ["SafetyReports:Bus:Transport"] = "InMemory",
        });
        // The host's hosted services start with the harness, Kestrel among them: on a free port, not 5000.
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults("consumer-tests");
        addModule(builder);

        // The module's consumers, as AddSafetyReportsBus would give them to the process's bus.
        var modules = builder.Services.BusModules();
        builder.Services.AddMassTransitTestHarness(x =>
        {
            // Waits end at the first match; the inactivity timeout is the test's, so a wait begun while the bus
            // happens to be idle (between two steps of a test) is not cut short before the message arrives.
            x.SetTestTimeouts(testTimeout: TimeSpan.FromSeconds(30), testInactivityTimeout: TimeSpan.FromSeconds(30));
            foreach (var module in modules)
            {
                module.Configure(x);
            }
        });

        var app = builder.Build();
        var harness = new ConsumerHarness(app, folder);
        // Starts the bus and the module's hosted services (the outbox dispatcher publishes what consumers wrote).
        await harness.Harness.Start();
        return harness;
    }

    /// <summary>Publishes a message and waits until the module's consumer has taken it; returns the delivery's message id.</summary>
    public async Task<Guid> ConsumeAsync<T>(T message) where T : class
    {
        var messageId = NewId.NextGuid();
        await Harness.Bus.Publish(message, c => c.MessageId = messageId);
        await foreach (var consumed in Harness.Consumed.SelectAsync<T>(c => c.Context.MessageId == messageId))
        {
            Assert.Null(consumed.Exception);
            return messageId;
        }

        Assert.Fail($"the {typeof(T).Name} was not consumed within {Harness.TestTimeout}");
        return messageId;
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the system's temporary folder.
        }
    }
}
