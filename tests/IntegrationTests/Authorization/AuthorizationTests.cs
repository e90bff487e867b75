using System.Net;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Authorization;

/// <summary>Every API checks the token and its scope: no token 401, wrong scope 403, another host's report 404.</summary>
public class AuthorizationTests(StandaloneFixture fixture) : IClassFixture<StandaloneFixture>
{
    private SystemUnderTest Api => fixture.System.Api;

    public static TheoryData<string, string> ProtectedEndpoints() => new()
    {
        { "GET", "/api/v1/triage/reports" },
        { "GET", "/api/v1/triage/reports/counts" },
        { "GET", $"/api/v1/triage/reports/{Guid.Empty}" },
        { "POST", $"/api/v1/triage/reports/{Guid.Empty}/transitions" },
        { "POST", $"/api/v1/triage/reports/{Guid.Empty}/notes" },
        { "GET", $"/api/v1/triage/reports/{Guid.Empty}/audit" },
        { "GET", "/api/v1/triage/audit/verify" },
        { "GET", "/api/v1/triage/audit/export" },
        { "POST", $"/api/v1/triage/reports/{Guid.Empty}/assignment" },
        { "POST", $"/api/v1/triage/reports/{Guid.Empty}/classification" },
        { "POST", "/api/v1/triage/reports/bulk-reject" },
        { "POST", "/api/v1/hosts" },
        { "GET", "/api/v1/hosts" },
        { "GET", "/api/v1/hosts/hub-a" },
        { "POST", "/api/v1/hosts/hub-a/subscriptions" },
        { "POST", $"/api/v1/subscriptions/{Guid.Empty}/rotate-secret" },
        { "GET", "/api/v1/hosts/hub-a/deliveries" },
        { "POST", $"/api/v1/deliveries/{Guid.Empty}/replay" },
        { "GET", "/api/v1/hosts/hub-a/subscriptions" },
        { "GET", $"/api/v1/subscriptions/{Guid.Empty}" },
        { "PATCH", $"/api/v1/subscriptions/{Guid.Empty}" },
        { "GET", "/api/v1/notices" },
        { "POST", $"/api/v1/subscriptions/{Guid.Empty}/enable" },
        { "POST", $"/api/v1/subscriptions/{Guid.Empty}/disable" },
        { "POST", $"/api/v1/subscriptions/{Guid.Empty}/test" },
        { "POST", $"/api/v1/subscriptions/{Guid.Empty}/recover" },
        { "GET", $"/api/v1/deliveries/{Guid.Empty}" },
        { "GET", "/api/v1/host/reports" },
        { "GET", $"/api/v1/host/reports/{Guid.Empty}" },
        { "POST", $"/api/v1/host/reports/{Guid.Empty}/acknowledge" },
        { "POST", $"/api/v1/host/reports/{Guid.Empty}/response" },
        { "GET", "/api/v1/identity/users" },
        { "POST", "/api/v1/identity/users" },
        { "PUT", $"/api/v1/identity/users/{Guid.Empty}/roles" },
        { "POST", $"/api/v1/identity/users/{Guid.Empty}/lock" },
        { "POST", $"/api/v1/identity/users/{Guid.Empty}/unlock" },
        { "GET", "/api/v1/identity/clients" },
        { "POST", "/api/v1/identity/clients" },
        { "DELETE", "/api/v1/identity/clients/hub-a" },
    };

    /// <summary>The portal's pages: anonymous browsers are sent to sign in (an OIDC challenge), never shown a page.</summary>
    public static TheoryData<string> PortalPages() => new()
    {
        "/portal",
        $"/portal/reports/{Guid.Empty}",
        "/portal/admin/users",
        "/portal/admin/clients",
        "/portal/admin/hosts",
        "/portal/admin/hosts/hub-a",
        "/portal/admin/hosts/hub-a/deliveries",
        "/portal/admin/notices",
        "/portal/signout",
    };

    [Fact]
    public void The_table_lists_every_endpoint_that_requires_authorization()
    {
        static string Shape(string path) => System.Text.RegularExpressions.Regex.Replace(path, "\\{[^}]+\\}|[0-9a-f]{8}-[0-9a-f-]{27}|hub-a", "{}");
        var listed = ProtectedEndpoints().Select(row => $"{row.Data.Item1} {Shape(row.Data.Item2)}")
            .Concat(PortalPages().Select(row => $"* {Shape(row.Data)}"))
            .ToHashSet();
        var protectedRoutes = fixture.System.Get<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>() is not null
                && e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => $"{method} {Shape("/" + e.RoutePattern.RawText!.TrimStart('/'))}"))
            .ToList();
        Assert.NotEmpty(protectedRoutes);
        Assert.All(protectedRoutes, route => Assert.Contains(route, listed));
    }

    [Theory]
    [MemberData(nameof(PortalPages))]
    public async Task Anonymous_requests_for_portal_pages_are_sent_to_sign_in(string path)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await client.GetAsync(fixture.System.Url + path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(fixture.System.Url + "/connect/authorize?", response.Headers.Location!.ToString());
        Assert.Contains("code_challenge_method=S256", response.Headers.Location.Query);
    }

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public async Task Without_a_token_every_protected_endpoint_answers_401(string method, string path)
    {
        using var response = await Api.SendAsync(new HttpMethod(method), fixture.System.Url, path, json: new { });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public async Task A_forged_token_is_401(string method, string path)
    {
        using var response = await Api.SendAsync(new HttpMethod(method), fixture.System.Url, path, json: new { },
            rawToken: "eyJhbGciOiJub25lIn0.eyJzY29wZSI6InRyaWFnZSBub3RpZmljYXRpb25zOmFkbWluIGhvc3QifQ.");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public async Task A_token_without_the_scope_is_403(string method, string path)
    {
        var wrongClient = path.StartsWith("/api/v1/triage") ? TestClients.HostA : TestClients.Triager;
        using var response = await Api.SendAsync(new HttpMethod(method), fixture.System.Url, path, wrongClient, new { });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("POST", "/api/v1/hosts")]
    [InlineData("GET", "/api/v1/hosts")]
    [InlineData("GET", "/api/v1/hosts/hub-b")]
    [InlineData("GET", "/api/v1/host/reports")]
    public async Task A_host_client_reaches_only_what_its_scope_and_host_allow(string method, string path)
    {
        using var response = await Api.SendAsync(new HttpMethod(method), fixture.System.Url, path, TestClients.HostA, new { });
        Assert.Equal(path switch
        {
            "/api/v1/hosts" => HttpStatusCode.Forbidden,
            "/api/v1/hosts/hub-b" => HttpStatusCode.NotFound,
            _ => HttpStatusCode.OK,
        }, response.StatusCode);
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
