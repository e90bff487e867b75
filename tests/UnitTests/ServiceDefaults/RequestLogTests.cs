using Microsoft.AspNetCore.Http;
using SafetyReports.ServiceDefaults.Hosting;

namespace SafetyReports.UnitTests.ServiceDefaults;

public class RequestLogTests
{
    [Theory]
    [InlineData("", "/api/v1/triage/reports", "?q=victim.reporter%40mail.example", "/api/v1/triage/reports?[redacted]")]
    [InlineData("/base", "/portal/signin-oidc", "?code=abc&state=xyz", "/base/portal/signin-oidc?[redacted]")]
    [InlineData("", "/health/ready", "", "/health/ready")]
    public void The_logged_target_never_holds_the_query_string(string pathBase, string path, string query, string expected)
    {
        var context = new DefaultHttpContext();
        context.Request.PathBase = pathBase;
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);

        Assert.Equal(expected, RequestLog.Target(context.Request));
    }
}
