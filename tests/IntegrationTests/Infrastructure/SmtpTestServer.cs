using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using MimeKit;

namespace SafetyReports.IntegrationTests.Infrastructure;

/// <summary>
/// A real SMTP server on 127.0.0.1: Debian's aiosmtpd (<c>python3-aiosmtpd</c>, installed by tests/run-all.sh) with its
/// Maildir handler, so every mail it accepted is a file the test reads back with MimeKit. It can be stopped and started
/// again on the same port, to play an SMTP server that is down for a while.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    /// <summary>Debian's interpreter, where the package installs the module (a pyenv or venv python may not have it).</summary>
    public const string Python = "/usr/bin/python3";

    private readonly TempDirectory _maildir = new("safetyreports-smtp");
    private Process? _process;

    private SmtpTestServer(int port) => Port = port;

    public int Port { get; }

    private string Maildir => Path.Combine(_maildir.Path, "maildir");

    public static async Task<SmtpTestServer> StartAsync()
    {
        var server = new SmtpTestServer(FreePort.Next());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>The settings that point a service's mailer here (no TLS: a test server on loopback).</summary>
    public IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["SafetyReports:Email:Smtp:Host"] = "127.0.0.1",
        ["SafetyReports:Email:Smtp:Port"] = Port.ToString(CultureInfo.InvariantCulture),
        ["SafetyReports:Email:Smtp:Security"] = "None",
        ["SafetyReports:Email:From"] = "reports@safety.test",
        ["SafetyReports:Email:FirstRetry"] = "00:00:00.300",
        ["SafetyReports:Email:LongestRetry"] = "00:00:01",
    };

    public async Task StartAgainAsync()
    {
        if (_process is not null)
        {
            return;
        }

        var start = new ProcessStartInfo(Python)
        {
            // The handler makes the Maildir (new/, cur/, tmp/) only when its folder does not exist yet.
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var process = _process;
        await Eventually.UntilAsync(async () =>
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"aiosmtpd exited with {process.ExitCode}: is python3-aiosmtpd installed (tests/run-all.sh)?");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(30), $"aiosmtpd to listen on {Port}");
    }

    /// <summary>The server goes away: connections are refused until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Every mail the server accepted so far.</summary>
    public IReadOnlyList<MimeMessage> Received()
    {
        var messages = new List<MimeMessage>();
        foreach (var folder in new[] { "new", "cur" })
        {
            var path = Path.Combine(Maildir, folder);
            if (!Directory.Exists(path))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(path))
            {
                try
                {
                    messages.Add(MimeMessage.Load(file));
                }
                catch (IOException)
                {
                    // Maildir writes in tmp/ and renames: a file in new/ is complete; a race with the rename is read next time.
                }
            }
        }

        return messages;
    }

    public IReadOnlyList<MimeMessage> ReceivedFor(string address) =>
        [.. Received().Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Waits until <paramref name="address"/> has received <paramref name="count"/> mails, and returns them.</summary>
    public Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, int count = 1, TimeSpan? timeout = null) =>
        Eventually.UntilAsync<IReadOnlyList<MimeMessage>>(
            () => Task.FromResult(ReceivedFor(address) is { } got && got.Count >= count ? got : null),
            timeout ?? TimeSpan.FromSeconds(30), $"{count} mail(s) to arrive for a test address");

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _maildir.Dispose();
    }
}
