using System.Net;
using SafetyReports.Notification.Domain;

namespace SafetyReports.UnitTests.Notification;

public class NetworkTargetPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.9")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.100.100.200")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00:ec2::254")]
    [InlineData("fc00::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::127.0.0.1")]
    [InlineData("64:ff9b::10.0.0.1")]
    [InlineData("2002:c0a8:0101::1")]
    [InlineData("::ffff:0:127.0.0.1")]
    [InlineData("::ffff:0:10.1.1.1")]
    [InlineData("4000::1")]
    [InlineData("100::1")]
    public void Refuses_internal_addresses_in_any_notation(string address)
    {
        Assert.True(NetworkTargetPolicy.IsForbidden(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("::ffff:0:8.8.8.8")]
    [InlineData("64:ff9b::8.8.8.8")]
    public void Allows_public_addresses(string address)
    {
        Assert.False(NetworkTargetPolicy.IsForbidden(IPAddress.Parse(address)));
    }
}
