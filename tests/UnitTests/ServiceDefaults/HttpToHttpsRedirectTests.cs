using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using SafetyReports.ServiceDefaults.Hosting;

namespace SafetyReports.UnitTests.ServiceDefaults;

public class HttpToHttpsRedirectTests
{
    [Theory]
    [InlineData("/", true)]
    [InlineData("/api/v1/reports", true)]
    [InlineData("/healthz", true)]
    [InlineData("/portal/health", true)]
    [InlineData("/health", false)]
    [InlineData("/health/ready", false)]
    [InlineData("/health/live", false)]
    public void Every_path_but_the_health_endpoints_is_redirected(string path, bool redirected) =>
        Assert.Equal(redirected, HttpToHttpsRedirect.Applies(new PathString(path)));

    [Theory]
    [InlineData(null, false)]
    [InlineData("false", false)]
    [InlineData("true", true)]
    [InlineData("True", true)]
    public void It_is_off_unless_configured(string? value, bool enabled)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [HttpToHttpsRedirect.Key] = value })
            .Build();
        Assert.Equal(enabled, HttpToHttpsRedirect.IsEnabled(configuration));
    }
}
