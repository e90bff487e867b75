using SafetyReports.Notification.Domain;

namespace SafetyReports.UnitTests.Notification;

public class EndpointKeyTests
{
    [Theory]
    [InlineData("https://Hooks.Example.org/a", "https://hooks.example.org:443")]
    [InlineData("https://hooks.example.org:443/b?x=1", "https://hooks.example.org:443")]
    [InlineData("http://hooks.example.org/c", "http://hooks.example.org:80")]
    [InlineData("http://127.0.0.1:8080/d", "http://127.0.0.1:8080")]
    [InlineData("http://[::1]:9000/", "http://[::1]:9000")]
    public void Is_scheme_host_and_port(string url, string key) => Assert.Equal(key, EndpointKey.For(url));

    [Fact]
    public void Paths_on_one_server_share_a_lane_and_other_ports_do_not()
    {
        Assert.Equal(EndpointKey.For("https://a.example/x"), EndpointKey.For("https://a.example/y"));
        Assert.NotEqual(EndpointKey.For("https://a.example/x"), EndpointKey.For("https://a.example:8443/x"));
        Assert.NotEqual(EndpointKey.For("https://a.example/x"), EndpointKey.For("https://b.example/x"));
    }
}
