using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.DataLifecycle;

/// <summary>
/// A Standalone system with an admin machine client (scopes triage and identity:admin) for the export,
/// and a short contact retention so the purge job can be watched acting on real closed reports.
/// </summary>
public sealed class LifecycleFixture : IAsyncLifetime
{
    public static readonly TestClient Exporter = new("test-exporter", "exporter-secret-0123456789", "triage identity:admin");

    /// <summary>Short enough to watch, long enough that a report just closed is still inside it when first looked at.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromSeconds(5);

    private StandaloneSystem? _system;

    public StandaloneSystem System => _system ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => _system = await StandaloneSystem.StartAsync(new Dictionary<string, string>
    {
        ["SafetyReports:Identity:Clients:10:ClientId"] = Exporter.ClientId,
        ["SafetyReports:Identity:Clients:10:ClientSecret"] = Exporter.Secret,
        ["SafetyReports:Identity:Clients:10:Scopes:0"] = "triage",
        ["SafetyReports:Identity:Clients:10:Scopes:1"] = "identity:admin",
        ["SafetyReports:Triage:ContactRetention"] = "00:00:05",
        ["SafetyReports:Triage:ContactPurgeInterval"] = "00:00:00.200",
    });

    public async ValueTask DisposeAsync()
    {
        if (_system is not null)
        {
            await _system.DisposeAsync();
        }
    }
}
