using System.Diagnostics;
using System.Net.Sockets;

namespace SafetyReports.IntegrationTests.Infrastructure;

/// <summary>
/// The real RabbitMQ the test run started (Debian's rabbitmq-server), with a virtual host of its own
/// for each test so runs never see each other's queues.
/// </summary>
public sealed class RabbitMqBroker : IAsyncDisposable
{
    private RabbitMqBroker(string virtualHost)
    {
        VirtualHost = virtualHost;
    }

    public string VirtualHost { get; }

    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:5672/{Uri.EscapeDataString(VirtualHost)}";

    /// <summary>
    /// A vhost on the local broker. Without a broker the test is skipped on a developer's machine but
    /// fails under CI (or with SAFETYREPORTS_REQUIRE_RABBITMQ=1), where the test command starts one.
    /// </summary>
    public static async Task<RabbitMqBroker> CreateVirtualHostAsync()
    {
        if (!await IsListeningAsync())
        {
            var message = "RabbitMQ is not listening on 127.0.0.1:5672; the README's test command installs and starts it.";
            if (Environment.GetEnvironmentVariable("CI") is not null || Environment.GetEnvironmentVariable("SAFETYREPORTS_REQUIRE_RABBITMQ") == "1")
            {
                Assert.Fail(message);
            }

            Assert.Skip(message);
        }

        var virtualHost = $"safetyreports-test-{Guid.NewGuid():N}";
        await RabbitMqCtlAsync("add_vhost", virtualHost);
        await RabbitMqCtlAsync("set_permissions", "-p", virtualHost, "guest", ".*", ".*", ".*");
        return new RabbitMqBroker(virtualHost);
    }

    public static Task RabbitMqCtlAsync(params string[] arguments) => RabbitMqCtlOutputAsync(arguments);

    /// <summary><c>rabbitmqctl …</c> on the default node; returns what it printed.</summary>
    public static Task<string> RabbitMqCtlOutputAsync(params string[] arguments) =>
        ExternalCommand.OutputAsync("rabbitmqctl", arguments, TimeSpan.FromSeconds(60));

    /// <summary>
    /// Stops the broker's application (<c>rabbitmqctl stop_app</c>): every connection drops, the node
    /// stays up, queues and messages stay on disk. Affects every vhost: only for tests in <see cref="RabbitMqCollection"/>.
    /// </summary>
    public static Task StopAppAsync() => RabbitMqCtlAsync("stop_app");

    /// <summary><c>rabbitmqctl start_app</c>, then waits until the broker accepts connections again.</summary>
    public static async Task StartAppAsync()
    {
        await RabbitMqCtlAsync("start_app");
        await Eventually.UntilAsync(IsListeningAsync, TimeSpan.FromSeconds(60), "RabbitMQ to listen on 127.0.0.1:5672 again");
    }

    private static async Task<bool> IsListeningAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.ConnectAsync("127.0.0.1", 5672, timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RabbitMqCtlAsync("delete_vhost", VirtualHost);
        }
        catch (InvalidOperationException)
        {
            // The broker may be gone at the end of a run; the vhost goes with it.
        }
    }
}
