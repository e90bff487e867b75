using System.Net;
using SafetyReports.Notification.Domain;

namespace SafetyReports.UnitTests.Notification;

public class CloudMetadataPolicyTests
{
    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("169.254.170.2")]
    [InlineData("100.100.100.200")]
    [InlineData("168.63.129.16")]
    [InlineData("192.0.0.192")]
    [InlineData("fd00:ec2::254")]
    [InlineData("fd20:ce::254")]
    [InlineData("fd20:00ce:0000:0000:0000:0000:0000:0254")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:168.63.129.16")]
    public void Metadata_addresses_are_refused_even_where_private_targets_are_allowed(string address)
    {
        var ip = IPAddress.Parse(address);
        Assert.True(NetworkTargetPolicy.IsCloudMetadata(ip));
        Assert.True(NetworkTargetPolicy.IsForbidden(ip));
        Assert.False(NetworkTargetPolicy.Allows(ip, allowPrivateNetworkTargets: true));
        Assert.False(NetworkTargetPolicy.Allows(ip, allowPrivateNetworkTargets: false));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.0.0.1")]
    [InlineData("::1")]
    public void Private_targets_are_allowed_only_when_configured(string address)
    {
        var ip = IPAddress.Parse(address);
        Assert.True(NetworkTargetPolicy.Allows(ip, allowPrivateNetworkTargets: true));
        Assert.False(NetworkTargetPolicy.Allows(ip, allowPrivateNetworkTargets: false));
    }

    [Fact]
    public void Public_targets_are_allowed_either_way()
    {
        var ip = IPAddress.Parse("93.184.216.34");
        Assert.True(NetworkTargetPolicy.Allows(ip, true));
        Assert.True(NetworkTargetPolicy.Allows(ip, false));
    }

    [Theory]
    [InlineData("metadata.google.internal", true)]
    [InlineData("METADATA.google.internal.", true)]
    [InlineData("metadata", true)]
    [InlineData("instance-data.ec2.internal", true)]
    [InlineData("metadata.example.org", false)]
    [InlineData("hooks.example.org", false)]
    public void Metadata_host_names_are_recognised(string host, bool metadata) =>
        Assert.Equal(metadata, NetworkTargetPolicy.IsCloudMetadataHostName(host));
}
