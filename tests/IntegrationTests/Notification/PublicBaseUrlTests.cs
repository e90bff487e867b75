using Microsoft.Extensions.Options;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Notification;

public sealed class PublicBaseUrlTests
{
    [Fact]
    public async Task A_public_base_url_that_is_not_an_absolute_http_url_stops_the_start()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StandaloneSystem.StartAsync(
            new Dictionary<string, string> { ["SafetyReports:Notification:PublicBaseUrl"] = "reports.example.org/safety" }));

        Assert.Contains("SafetyReports:Notification:PublicBaseUrl", error.Message, StringComparison.Ordinal);
    }
}
