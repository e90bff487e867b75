using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Notification;

/// <summary>
/// A Standalone system tuned for webhook tests: the dispatcher polls often, retries come in seconds,
/// and a subclass adds what its tests need. One per test class.
/// </summary>
public abstract class NotificationSystemFixture : IAsyncLifetime
{
    private StandaloneSystem? _system;

    public StandaloneSystem System => _system ?? throw new InvalidOperationException("Not started.");

    public NotificationClient Notification { get; private set; } = null!;

    public static Dictionary<string, string> Settings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["SafetyReports:Notification:PollInterval"] = "00:00:00.050",
            ["SafetyReports:Notification:RetrySchedule:0"] = "00:00:00",
            ["SafetyReports:Notification:RetrySchedule:1"] = "00:00:01",
            ["SafetyReports:Notification:RetrySchedule:2"] = "00:00:02",
            ["SafetyReports:Notification:AttemptTimeout"] = "00:00:05",
            // Test-sends are these tests' way to make deliveries; their limit has a test of its own.
            ["SafetyReports:Notification:TestSendsPerMinute"] = "1000",
        };
        foreach (var (key, value) in extra)
        {
            settings[key.StartsWith("SafetyReports:", StringComparison.Ordinal) ? key : "SafetyReports:Notification:" + key] = value;
        }

        return settings;
    }

    protected virtual Dictionary<string, string> Configure() => Settings();

    public async ValueTask InitializeAsync()
    {
        _system = await StandaloneSystem.StartAsync(Configure());
        Notification = new NotificationClient(_system.Api);
    }

    public async ValueTask DisposeAsync()
    {
        if (_system is not null)
        {
            await _system.DisposeAsync();
        }
    }
}
