using System.Net;
using System.Net.Sockets;

namespace SafetyReports.IntegrationTests.Hardening;

/// <summary>
/// An HTTP client whose connections leave from a chosen loopback address (127.0.0.1, 127.0.0.2, …: all of
/// 127.0.0.0/8 is loopback on Linux), so one test can be a trusted proxy and an untrusted caller in turn.
/// </summary>
public static class SourceAddressClient
{
    public static HttpClient From(string sourceAddress) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(sourceAddress), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };
}
