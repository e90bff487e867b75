namespace SafetyReports.IntegrationTests.Identity;

/// <summary>One running Identity host with the two test clients, shared by the read-only tests.</summary>
public sealed class IdentityServerFixture : IAsyncLifetime
{
    private IdentityTestHost? _host;

    public string DataDirectory { get; } = ScratchDirectory.Create();

    internal SeededTestClients Clients { get; } = new();

    internal IdentityTestHost Host => _host ?? throw new InvalidOperationException("The fixture has not started.");

    public async ValueTask InitializeAsync()
    {
        _host = await IdentityTestHost.StartAsync(DataDirectory, IdentityTestHost.FreePort(), Clients.Settings());
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        ScratchDirectory.Delete(DataDirectory);
    }
}
