using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Email;

/// <summary>
/// A Standalone system whose mailer sends to a real SMTP server on loopback, with webhook receivers on loopback allowed and
/// the portal's public address set, for the hosts' mails.
/// </summary>
public sealed class HostEmailFixture : IAsyncLifetime
{
    /// <summary>The portal's address in the hosts' mails, apart from Intake's (as in compose).</summary>
    public const string PortalBaseUrl = "https://portal.example/";

    private SmtpTestServer? _smtp;
    private StandaloneSystem? _system;

    public SmtpTestServer Smtp => _smtp ?? throw new InvalidOperationException("Not started.");

    public StandaloneSystem System => _system ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartAsync();
        var settings = new Dictionary<string, string>(_smtp.Settings)
        {
            ["SafetyReports:Email:PublicBaseUrl"] = "https://reports.example/",
            ["SafetyReports:Email:PortalBaseUrl"] = PortalBaseUrl,
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
