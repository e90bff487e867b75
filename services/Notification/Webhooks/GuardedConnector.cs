using System.Net.Sockets;

namespace SafetyReports.Notification.Webhooks;

/// <summary>
/// Resolves the webhook target itself, refuses forbidden addresses, and connects to the address it
/// checked: a DNS answer that changes between the check and the connection cannot redirect us. It runs
/// for every connection, so a name that resolved to a public address at registration and resolves to a
/// private one now is refused before a byte is sent.
/// </summary>
public sealed class GuardedConnector(bool allowPrivateNetworkTargets, HostNameResolver? resolver = null)
{
    public const string RefusalMessage =
        "Refused: the target resolves only to addresses webhooks may not reach (loopback, private, link-local, unique-local, multicast, reserved or cloud metadata).";

    private readonly HostNameResolver _resolve = resolver ?? SystemDns.Resolve;

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var allowed = await AllowedAddressesAsync(endpoint.Host, cancellationToken);
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

    /// <summary>The addresses of <paramref name="host"/> a webhook may reach; throws <see cref="WebhookTargetRefusedException"/> when none.</summary>
    public async Task<IReadOnlyList<IPAddress>> AllowedAddressesAsync(string host, CancellationToken cancellationToken)
    {
        if (NetworkTargetPolicy.IsCloudMetadataHostName(host))
        {
            throw new WebhookTargetRefusedException(RefusalMessage);
        }

        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await _resolve(host, cancellationToken);
        var allowed = addresses.Where(a => NetworkTargetPolicy.Allows(a, allowPrivateNetworkTargets)).ToList();
        return allowed.Count > 0 ? allowed : throw new WebhookTargetRefusedException(RefusalMessage);
    }
}

public sealed class WebhookTargetRefusedException(string message) : Exception(message);
