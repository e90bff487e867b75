namespace SafetyReports.IntegrationTests.Infrastructure;

/// <summary>One Standalone system shared by the tests that only need a running system.</summary>
public sealed class StandaloneFixture : IAsyncLifetime
{
    private StandaloneSystem? _system;

    public StandaloneSystem System => _system ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => _system = await StandaloneSystem.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_system is not null)
        {
            await _system.DisposeAsync();
        }
    }
}
