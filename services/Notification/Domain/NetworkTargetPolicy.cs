using System.Net.Sockets;

namespace SafetyReports.Notification.Domain;

/// <summary>
/// Which addresses a webhook may never reach unless private targets are allowed: loopback,
/// private, carrier-grade NAT, link-local (cloud metadata lives there), unique-local, multicast,
/// unspecified, broadcast, documentation and reserved ranges — in IPv4, IPv6 and the IPv6 forms that
/// embed an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo). Cloud metadata endpoints are
/// refused always, even where private targets are allowed: no test or development setup needs them,
/// and they hand out credentials.
/// </summary>
public static class NetworkTargetPolicy
{
    /// <summary>
    /// Instance metadata and platform endpoints of the major clouds. Most lie in ranges refused anyway;
    /// they are listed so that allowing private targets never opens them, and Azure's platform address
    /// (168.63.129.16) is public space that no range covers.
    /// </summary>
    public static readonly IReadOnlyList<IPAddress> CloudMetadataAddresses =
    [
        IPAddress.Parse("169.254.169.254"), // AWS, GCP, Azure, OCI, DigitalOcean, OpenStack
        IPAddress.Parse("169.254.170.2"), // AWS ECS task metadata
        IPAddress.Parse("169.254.170.23"), // AWS EKS pod identity
        IPAddress.Parse("169.254.0.23"), // Tencent Cloud
        IPAddress.Parse("100.100.100.200"), // Alibaba Cloud
        IPAddress.Parse("168.63.129.16"), // Azure platform (WireServer, DNS)
        IPAddress.Parse("192.0.0.192"), // Oracle Cloud (classic)
        IPAddress.Parse("fd00:ec2::254"), // AWS over IPv6
        IPAddress.Parse("fd00:ec2::23"), // AWS EKS pod identity over IPv6
        IPAddress.Parse("fd20:ce::254"), // GCP over IPv6
    ];

    /// <summary>Names that reach a metadata service from inside a cloud, refused before any lookup.</summary>
    public static readonly IReadOnlyList<string> CloudMetadataHostNames =
    [
        "metadata", "metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal",
        "metadata.tencentyun.com", "metadata.azure.internal",
    ];

    private static readonly (IPAddress Network, int Prefix)[] ForbiddenV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8),
        (IPAddress.Parse("10.0.0.0"), 8),
        (IPAddress.Parse("100.64.0.0"), 10),
        (IPAddress.Parse("127.0.0.0"), 8),
        (IPAddress.Parse("169.254.0.0"), 16),
        (IPAddress.Parse("172.16.0.0"), 12),
        (IPAddress.Parse("192.0.0.0"), 24),
        (IPAddress.Parse("192.0.2.0"), 24),
        (IPAddress.Parse("192.88.99.0"), 24),
        (IPAddress.Parse("192.168.0.0"), 16),
        (IPAddress.Parse("198.18.0.0"), 15),
        (IPAddress.Parse("198.51.100.0"), 24),
        (IPAddress.Parse("203.0.113.0"), 24),
        (IPAddress.Parse("224.0.0.0"), 4),
        (IPAddress.Parse("240.0.0.0"), 4),
    ];

    private static readonly (IPAddress Network, int Prefix)[] ForbiddenV6 =
    [
        (IPAddress.Parse("::"), 128),
        (IPAddress.Parse("::1"), 128),
        (IPAddress.Parse("100::"), 64),
        (IPAddress.Parse("2001:db8::"), 32),
        (IPAddress.Parse("fc00::"), 7),
        (IPAddress.Parse("fe80::"), 10),
        (IPAddress.Parse("fec0::"), 10),
        (IPAddress.Parse("ff00::"), 8),
    ];

    /// <summary>Whether a webhook may reach <paramref name="address"/> under the configured policy.</summary>
    public static bool Allows(IPAddress address, bool allowPrivateNetworkTargets) =>
        !IsCloudMetadata(address) && (allowPrivateNetworkTargets || !IsForbidden(address));

    public static bool IsCloudMetadata(IPAddress address)
    {
        var plain = address.AddressFamily == AddressFamily.InterNetworkV6 && EmbeddedIPv4(address) is { } embedded ? embedded : address;
        return CloudMetadataAddresses.Contains(plain) || CloudMetadataAddresses.Contains(address);
    }

    public static bool IsCloudMetadataHostName(string host)
    {
        var name = host.TrimEnd('.').ToLowerInvariant();
        return CloudMetadataHostNames.Contains(name);
    }

    public static bool IsForbidden(IPAddress address)
    {
        if (IsCloudMetadata(address))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return ForbiddenV4.Any(r => InRange(address, r.Network, r.Prefix));
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return true;
        }

        var embedded = EmbeddedIPv4(address);
        if (embedded is not null && IsForbidden(embedded))
        {
            return true;
        }

        // Only global unicast (2000::/3) is reachable on the internet; outside it, only the forms
        // that carry a public IPv4 address (mapped, compatible, translated, NAT64) are allowed.
        var globalUnicast = (address.GetAddressBytes()[0] & 0xE0) == 0x20;
        return (!globalUnicast && embedded is null) || ForbiddenV6.Any(r => InRange(address, r.Network, r.Prefix));
    }

    /// <summary>The IPv4 address an IPv6 address carries, for the forms that route to it.</summary>
    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        var b = address.GetAddressBytes();
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        // ::ffff:0:a.b.c.d (IPv4-translated, RFC 2765)
        if (b.Take(8).All(x => x == 0) && b[8] == 0xff && b[9] == 0xff && b[10] == 0 && b[11] == 0)
        {
            return new IPAddress(b[12..16]);
        }

        // ::a.b.c.d (deprecated IPv4-compatible)
        if (b.Take(12).All(x => x == 0))
        {
            return new IPAddress(b[12..16]);
        }

        // 64:ff9b::/96 (NAT64 well-known prefix) and 64:ff9b:1::/48 (local-use NAT64)
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b)
        {
            return new IPAddress(b[12..16]);
        }

        // 2002::/16 (6to4): the IPv4 address follows the prefix
        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return new IPAddress(b[2..6]);
        }

        // 2001:0::/32 (Teredo): the client address is stored inverted in the last 32 bits
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00)
        {
            return new IPAddress(b[12..16].Select(x => (byte)~x).ToArray());
        }

        return null;
    }

    private static bool InRange(IPAddress address, IPAddress network, int prefix)
    {
        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        if (a.Length != n.Length)
        {
            return false;
        }

        var fullBytes = prefix / 8;
        for (var i = 0; i < fullBytes; i++)
        {
            if (a[i] != n[i])
            {
                return false;
            }
        }

        var remainingBits = prefix % 8;
        if (remainingBits == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - remainingBits));
        return (a[fullBytes] & mask) == (n[fullBytes] & mask);
    }
}
