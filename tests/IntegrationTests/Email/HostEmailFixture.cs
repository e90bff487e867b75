using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Email;

/// <summary>
/// A Standalone system whose mailer sends to a real SMTP server on loopback, with webhook receivers on loopback allowed and
/// the portal's public address set, for the hosts' mails.
/// </summary>
public sealed class HostEmailFixture : IAsyncLifetime
{
    public const string PublicBaseUrl = "https://reports.example/";

    private SmtpTestServer? _smtp;
    private StandaloneSystem? _system;

    public SmtpTestServer Smtp => _smtp ?? throw new InvalidOperationException("Not started.");

    public StandaloneSystem System => _system ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartAsync();
        var settings = new Dictionary<string, string>(_smtp.Settings)
        {
            ["SafetyReports:Email:PublicBaseUrl"] = PublicBaseUrl,
            ["SafetyReports:Notification:AllowPrivateNetworkTargets"] = "true",
            ["SafetyReports:Notification:PollInterval"] = "00:00:00.100",
        };
        _system = await StandaloneSystem.StartAsync(settings);
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
