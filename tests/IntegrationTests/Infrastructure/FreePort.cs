using System.Net;
using System.Net.Sockets;

namespace SafetyReports.IntegrationTests.Infrastructure;

public static class FreePort
{
    /// <summary>A port that was free a moment ago on 127.0.0.1, for hosts that must know their URL before they start.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
