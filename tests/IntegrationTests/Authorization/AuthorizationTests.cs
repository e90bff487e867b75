using System.Net;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Authorization;

/// <summary>
/// What the matrix (<see cref="AuthorizationMatrixTests"/>) does not cover: an unsigned token, and a host
/// acknowledging a report it was told about versus another host's.
/// </summary>
public class AuthorizationTests(StandaloneFixture fixture) : IClassFixture<StandaloneFixture>
{
    private SystemUnderTest Api => fixture.System.Api;

    /// <summary>Every matrix row that refuses an anonymous caller with 401.</summary>
    public static TheoryData<string, string> ProtectedEndpoints()
    {
        var data = new TheoryData<string, string>();
        var rows = AuthorizationMatrix.Rows.Where(r => r.Expected[Caller.Anonymous].Status == 401)
            .Select(r => (r.Method, Path: r.Path.Replace("{report}", Guid.Empty.ToString()).Replace("{subscription}", Guid.Empty.ToString())
                .Replace("{none}", Guid.Empty.ToString())))
            .Distinct();
        foreach (var (method, path) in rows)
        {
            data.Add(method, path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public async Task A_forged_token_is_401(string method, string path)
    {
        using var response = await Api.SendAsync(new HttpMethod(method), fixture.System.Url, path, json: new { },
            rawToken: "eyJhbGciOiJub25lIn0.eyJzY29wZSI6InRyaWFnZSBub3RpZmljYXRpb25zOmFkbWluIGhvc3QifQ.");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_host_cannot_acknowledge_another_hosts_report()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using (var host = await Api.SendAsync(HttpMethod.Post, Api.Urls.Notification, "/api/v1/hosts", TestClients.Admin,
                   new { id = "hub-a", name = "Hub A", contactEmail = "sec@hub-a.example" }))
        {
            Assert.True(host.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict);
        }

        using (var subscription = await Api.SendAsync(HttpMethod.Post, Api.Urls.Notification, "/api/v1/hosts/hub-a/subscriptions", TestClients.Admin,
                   new { url = receiver.BaseUrl + "/a", events = new[] { "report.triaged" } }))
        {
            Assert.Equal(HttpStatusCode.Created, subscription.StatusCode);
        }

        var (id, _) = await Api.SubmitAsync(SystemUnderTest.Report("hub-a", "org/model", "For hub A only"));
        var report = await Api.TriageReportAsync(id);
        using (var triaged = await Api.SendAsync(HttpMethod.Post, Api.Urls.Triage, $"/api/v1/triage/reports/{id}/transitions", TestClients.Triager,
                   new { to = "triaged", severity = "low", expectedVersion = report["version"]!.GetValue<long>() }))
        {
            Assert.Equal(HttpStatusCode.OK, triaged.StatusCode);
        }

        await receiver.NextAsync(w => w.Body.Contains(id.ToString()), TimeSpan.FromSeconds(30));

        using var other = await Api.SendAsync(HttpMethod.Post, Api.Urls.Notification, $"/api/v1/host/reports/{id}/acknowledge", TestClients.HostB, new { });
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        using var unknown = await Api.SendAsync(HttpMethod.Post, Api.Urls.Notification, $"/api/v1/host/reports/{Guid.NewGuid()}/acknowledge", TestClients.HostA, new { });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var own = await Api.SendAsync(HttpMethod.Post, Api.Urls.Notification, $"/api/v1/host/reports/{id}/acknowledge", TestClients.HostA, new { });
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }
}
