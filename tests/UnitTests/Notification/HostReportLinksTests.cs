using SafetyReports.Notification.Domain;

namespace SafetyReports.UnitTests.Notification;

public class HostReportLinksTests
{
    private static readonly Guid Report = Guid.Parse("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");

    [Theory]
    [InlineData("https://reports.example.org", "https://reports.example.org/api/v1/host/reports/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")]
    [InlineData("https://reports.example.org/", "https://reports.example.org/api/v1/host/reports/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")]
    [InlineData("http://127.0.0.1:5103/safety/", "http://127.0.0.1:5103/safety/api/v1/host/reports/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")]
    public void The_link_is_the_base_followed_by_the_host_api_path(string publicBaseUrl, string expected) =>
        Assert.Equal(expected, new HostReportLinks(publicBaseUrl).For(Report));

    [Fact]
    public void Without_a_base_the_link_is_the_path_alone() =>
        Assert.Equal("/api/v1/host/reports/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", HostReportLinks.PathOnly.For(Report));

    [Theory]
    [InlineData("reports.example.org")]
    [InlineData("/api")]
    [InlineData("ftp://reports.example.org")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://user:secret@reports.example.org")]
    [InlineData("https://reports.example.org/?x=1")]
    [InlineData("https://reports.example.org/#top")]
    [InlineData("https://reports example.org")]
    [InlineData("")]
    public void A_base_that_is_not_an_absolute_http_url_is_refused(string publicBaseUrl)
    {
        Assert.False(HostReportLinks.IsValidBase(publicBaseUrl));
        Assert.Throws<ArgumentException>(() => new HostReportLinks(publicBaseUrl));
    }

    [Fact]
    public void A_base_is_bounded_so_that_every_webhook_body_stays_bounded()
    {
        const string Start = "https://reports.example.org/";
        Assert.True(HostReportLinks.IsValidBase(Start + new string('a', HostReportLinks.MaxBaseLength - Start.Length)));
        Assert.False(HostReportLinks.IsValidBase(Start + new string('a', HostReportLinks.MaxBaseLength - Start.Length + 1)));
    }
}
