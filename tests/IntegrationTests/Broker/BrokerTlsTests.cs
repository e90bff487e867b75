using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
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
[Trait("Speed", "Slow")]
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
        var untrusted = new BusTlsOptions();
        var otherName = new BusTlsOptions { CaCertificatePath = node.CaCertificatePath, ServerName = "rabbitmq.example.org" };

        // The handshake itself, with the services' certificate check: refused, and why.
        await Assert.ThrowsAsync<AuthenticationException>(() => HandshakeAsync(node, untrusted));
        await Assert.ThrowsAsync<AuthenticationException>(() => HandshakeAsync(node, otherName));
        await HandshakeAsync(node, new BusTlsOptions { CaCertificatePath = node.CaCertificatePath });

        // And a bus configured so never starts: not without the CA, not for another name, not without TLS.
        await AssertBusDoesNotStartAsync(node.ConnectionString(), untrusted);
        await AssertBusDoesNotStartAsync(node.ConnectionString(), otherName);
        await AssertBusDoesNotStartAsync(node.ConnectionString("amqp"), new BusTlsOptions());
        var connections = await node.CtlAsync("list_connections", "ssl", "--quiet", "--no-table-headers");
        Assert.Equal("", connections.Trim());
    }

    [Fact]
    public async Task With_mutual_TLS_only_a_bus_presenting_a_certificate_from_the_brokers_CA_connects()
    {
        await using var node = await TlsRabbitMqNode.StartAsync(requireClientCertificate: true);
        var withCertificate = new BusTlsOptions
        {
            CaCertificatePath = node.CaCertificatePath,
            ClientCertificatePath = node.ClientCertificatePath,
            ClientCertificatePassword = node.ClientCertificatePassword,
        };

        await AssertBusDoesNotStartAsync(node.ConnectionString(), new BusTlsOptions { CaCertificatePath = node.CaCertificatePath });

        var received = new TaskCompletionSource<TlsProbe>(TaskCreationOptions.RunContinuationsAsynchronously);
        var bus = CreateBus(node.ConnectionString(), withCertificate, received);
        using var timeout = new CancellationTokenSource(Timeout);
        await bus.StartAsync(timeout.Token);
        try
        {
            var probe = new TlsProbe(Guid.NewGuid());
            await bus.Publish(probe, timeout.Token);

            Assert.Equal(probe, await received.Task.WaitAsync(timeout.Token));
            var connections = await node.CtlAsync("list_connections", "peer_cert_subject", "--quiet", "--no-table-headers");
            Assert.Contains("safetyreports-test-client", connections);
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>A TLS handshake with the node as a service would make it (server name, certificate check).</summary>
    private static async Task HandshakeAsync(TlsRabbitMqNode node, BusTlsOptions options)
    {
        var (tls, errors) = RabbitMqTls.From(options, RabbitMqAddress.Parse(node.ConnectionString()));
        Assert.Empty(errors);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, node.TlsPort);
        await using var stream = new SslStream(client.GetStream(), false, tls!.Validator.Validate);
        using var timeout = new CancellationTokenSource(Timeout);
        await stream.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = tls.ServerName }, timeout.Token);
    }

    /// <summary>
    /// A bus that must not get a connection: MassTransit keeps retrying a failed connection, so its start is
    /// given a few seconds (the good bus above connects well within them) and must not complete.
    /// </summary>
    private async Task AssertBusDoesNotStartAsync(string connectionString, BusTlsOptions options)
    {
        var bus = CreateBus(connectionString, options, new TaskCompletionSource<TlsProbe>());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(8));
        try
        {
            await bus.StartAsync(timeout.Token);
            Assert.Fail($"A bus connected to {connectionString} with CA '{options.CaCertificatePath}' and server name '{options.ServerName}'.");
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.FailException)
        {
            output.WriteLine($"{connectionString} ({options.ServerName}): {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
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
