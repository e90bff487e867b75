using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Email;

/// <summary>A Standalone system whose mailer sends to a real SMTP server on loopback (<see cref="SmtpTestServer"/>).</summary>
public sealed class EmailFixture : IAsyncLifetime
{
    private SmtpTestServer? _smtp;
    private StandaloneSystem? _system;

    public SmtpTestServer Smtp => _smtp ?? throw new InvalidOperationException("Not started.");

    public StandaloneSystem System => _system ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartAsync();
        _system = await StandaloneSystem.StartAsync(_smtp.Settings);
    }

    public async ValueTask DisposeAsync()
    {
        if (_system is not null)
        {
            await _system.DisposeAsync();
        }

        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }
    }
}
