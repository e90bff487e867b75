using MassTransit;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.ServiceDefaults.Hosting;
using SafetyReports.ServiceDefaults.Messaging;

namespace SafetyReports.IntegrationTests.Broker;

/// <summary>A message the TLS tests send to themselves.</summary>
public sealed record TlsProbe(Guid Id);

/// <summary>
/// The services' RabbitMQ connection (<see cref="RabbitMqHost"/>, <see cref="RabbitMqTls"/>) against a real
/// second RabbitMQ node that only speaks TLS, with a certificate from a CA of its own.
/// </summary>
public class BrokerTlsTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_bus_that_trusts_the_brokers_CA_connects_over_amqps_and_a_message_flows()
    {
        await using var node = await TlsRabbitMqNode.StartAsync();
        var received = new TaskCompletionSource<TlsProbe>(TaskCreationOptions.RunContinuationsAsynchronously);
        var bus = CreateBus(node.ConnectionString(), new BusTlsOptions { CaCertificatePath = node.CaCertificatePath }, received);
        using var timeout = new CancellationTokenSource(Timeout);
        await bus.StartAsync(timeout.Token);
        try
        {
            var probe = new TlsProbe(Guid.NewGuid());
            await bus.Publish(probe, timeout.Token);

            Assert.Equal(probe, await received.Task.WaitAsync(timeout.Token));
            var connections = await node.CtlAsync("list_connections", "ssl", "ssl_protocol", "--quiet", "--no-table-headers");
            Assert.Contains("true", connections);
            Assert.DoesNotContain("false", connections);
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Without_the_CA_for_another_name_or_over_plain_amqp_no_connection_is_made()
    {
        await using var node = await TlsRabbitMqNode.StartAsync();

        // The system trust store does not know the node's CA.
        var untrusted = await StartFailureAsync(node.ConnectionString(), new BusTlsOptions());
        // The CA is right but the certificate is not for this name.
        var otherName = await StartFailureAsync(node.ConnectionString(), new BusTlsOptions { CaCertificatePath = node.CaCertificatePath, ServerName = "rabbitmq.example.org" });
        // No TLS at all to the TLS port.
        var plain = await StartFailureAsync(node.ConnectionString("amqp"), new BusTlsOptions());

        output.WriteLine($"untrusted: {untrusted}\nother name: {otherName}\nplain: {plain}");
        var connections = await node.CtlAsync("list_connections", "ssl", "--quiet", "--no-table-headers");
        Assert.Equal("", connections.Trim());
    }

    /// <summary>Starts a bus that must not get a connection: returns why it failed, or fails the test if it started.</summary>
    private static async Task<string> StartFailureAsync(string connectionString, BusTlsOptions options)
    {
        var bus = CreateBus(connectionString, options, new TaskCompletionSource<TlsProbe>());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await bus.StartAsync(timeout.Token);
        }
        catch (Exception ex)
        {
            return ex.ToString();
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }

        Assert.Fail($"A bus connected to {connectionString} with CA '{options.CaCertificatePath}' and server name '{options.ServerName}'.");
        return "";
    }

    private static IBusControl CreateBus(string connectionString, BusTlsOptions options, TaskCompletionSource<TlsProbe> received)
    {
        var address = RabbitMqAddress.Parse(connectionString);
        var (tls, errors) = RabbitMqTls.From(options, address);
        Assert.Empty(errors);
        return Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            RabbitMqHost.Configure(cfg, address, tls);
            cfg.ReceiveEndpoint($"tls-probe-{Guid.NewGuid():N}", e =>
            {
                e.Durable = false;
                e.AutoDelete = true;
                e.Handler<TlsProbe>(context =>
                {
                    received.TrySetResult(context.Message);
                    return Task.CompletedTask;
                });
            });
        });
    }
}
