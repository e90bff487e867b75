using System.Net;
using SafetyReports.Intake.AntiAbuse;

namespace SafetyReports.UnitTests.Intake;

public class ClientAddressHasherTests
{
    [Theory]
    [InlineData("2001:db8:1:2:aaaa::1", "2001:db8:1:2:ffff::9")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    public void Addresses_of_one_client_hash_alike(string a, string b)
    {
        var hasher = new ClientAddressHasher(TimeProvider.System);
        Assert.Equal(hasher.Hash(IPAddress.Parse(a)), hasher.Hash(IPAddress.Parse(b)));
    }

    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1")]
    [InlineData("192.0.2.7", "192.0.2.8")]
    public void Different_clients_hash_apart_and_no_address_is_kept(string a, string b)
    {
        var hasher = new ClientAddressHasher(TimeProvider.System);
        var hash = hasher.Hash(IPAddress.Parse(a));
        Assert.NotEqual(hash, hasher.Hash(IPAddress.Parse(b)));
        Assert.DoesNotContain(a, hash);
        Assert.NotEqual(hash, new ClientAddressHasher(TimeProvider.System).Hash(IPAddress.Parse(a)));
    }
}
