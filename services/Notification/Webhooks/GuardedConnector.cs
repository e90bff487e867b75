using System.Net;
using System.Net.Sockets;
using SafetyReports.Notification.Domain;

namespace SafetyReports.Notification.Webhooks;

/// <summary>
/// Resolves the webhook target itself, refuses forbidden addresses, and connects to the address it
/// checked: a DNS answer that changes between the check and the connection cannot redirect us.
/// </summary>
public sealed class GuardedConnector(bool allowPrivateNetworkTargets)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var allowed = addresses.Where(a => allowPrivateNetworkTargets || !NetworkTargetPolicy.IsForbidden(a)).ToList();
        if (allowed.Count == 0)
        {
            throw new WebhookTargetRefusedException($"'{endpoint.Host}' resolves only to addresses webhooks may not reach.");
        }

        Exception? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostUnreachable);
    }
}

public sealed class WebhookTargetRefusedException(string message) : Exception(message);
