using System.Net;

namespace SafetyReports.ServiceDefaults.Security;

/// <summary>
/// Which client an address counts as for rate limits and folding: an IPv6 client usually has a whole /64
/// to pick addresses from, so it counts as one client per /64; an IPv4-mapped address counts as the IPv4 address.
/// </summary>
public static class ClientAddressKey
{
    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }
}
