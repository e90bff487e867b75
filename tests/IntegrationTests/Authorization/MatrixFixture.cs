using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SafetyReports.IntegrationTests.Identity;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Authorization;

/// <summary>
/// A Standalone system and a credential for every <see cref="Caller"/>: API clients, signed-in portal
/// users, a report's status token, a token of the real Identity that has expired (a client seeded with a
/// one-second access-token lifetime), and a token from a second Identity instance (another issuer).
/// </summary>
public sealed class MatrixFixture : IAsyncLifetime
{
    public const string AdminEmail = "matrix.admin@example.org";
    public const string AdminPassword = "matrix admin passphrase";
    public const string TriagerEmail = "matrix.triager@example.org";
    public const string TriagerPassword = "matrix triager passphrase";
    public const string HostAEmail = "matrix.host-a@example.org";
    public const string HostBEmail = "matrix.host-b@example.org";
    public const string HostPassword = "matrix host user passphrase";

    private static readonly TestClient AllScopes = new("matrix-admin", "matrix-admin-secret-0123456789", "triage notifications:admin identity:admin");
    private static readonly TestClient Expiring = new("matrix-expiring", "matrix-expiring-secret-0123456789", "triage notifications:admin identity:admin");

    private readonly Dictionary<Caller, HttpClient> _clients = [];
    private readonly Dictionary<Caller, string> _bearer = [];
    private readonly string _otherIdentityData = ScratchDirectory.Create();
    private StandaloneSystem? _system;
    private IdentityTestHost? _otherIdentity;
    private string _reportToken = "";

    public StandaloneSystem System => _system ?? throw new InvalidOperationException("Not started.");

    public Guid ReportId { get; private set; }

    /// <summary>Every Set-Cookie header the two portal sign-ins received (Identity's and the portal's cookies).</summary>
    public List<string> SignInCookies { get; } = [];

    public Guid SubscriptionId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["SafetyReports:Identity:Admin:Email"] = AdminEmail,
            ["SafetyReports:Identity:Admin:Password"] = AdminPassword,
        };
        Seed(settings, 20, AllScopes);
        Seed(settings, 21, Expiring);
        settings["SafetyReports:Identity:Clients:21:AccessTokenLifetime"] = "00:00:01";
        _system = await StandaloneSystem.StartAsync(settings);

        var otherSettings = new Dictionary<string, string?>();
        foreach (var (key, value) in Seed([], 0, AllScopes))
        {
            otherSettings[key] = value;
        }

        _otherIdentity = await IdentityTestHost.StartAsync(_otherIdentityData, IdentityTestHost.FreePort(), otherSettings);

        var api = System.Api;
        _bearer[Caller.Triager] = await api.TokenAsync(TestClients.Triager);
        _bearer[Caller.Admin] = await api.TokenAsync(AllScopes);
        _bearer[Caller.HostA] = await api.TokenAsync(TestClients.HostA);
        _bearer[Caller.HostB] = await api.TokenAsync(TestClients.HostB);
        _bearer[Caller.OtherIssuer] = await TokenFromAsync(_otherIdentity.BaseAddress.ToString(), AllScopes);
        var expiring = await api.TokenAsync(Expiring);
        _bearer[Caller.ExpiredToken] = expiring;

        await CreateWorldAsync(api);

        _clients[Caller.Admin] = await PortalSession.SignInAsync(System.Url, AdminEmail, AdminPassword, SignInCookies);
        _clients[Caller.Triager] = await PortalSession.SignInAsync(System.Url, TriagerEmail, TriagerPassword, SignInCookies);
        _clients[Caller.HostA] = await PortalSession.SignInAsync(System.Url, HostAEmail, HostPassword, SignInCookies, landing: "/portal/host");
        _clients[Caller.HostB] = await PortalSession.SignInAsync(System.Url, HostBEmail, HostPassword, SignInCookies, landing: "/portal/host");
        foreach (var caller in Enum.GetValues<Caller>().Where(c => !_clients.ContainsKey(c)))
        {
            _clients[caller] = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
            {
                BaseAddress = new Uri(System.Url + "/"),
            };
        }

        // Expiry is a matter of the clock: wait until the token's own "exp" has passed (no margin is
        // needed beyond a second: the APIs allow no clock skew, and the same process issued and checks it).
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(ExpiryOf(expiring));
        var wait = expiresAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
    }

    /// <summary>Sends the row's request as <paramref name="caller"/>; the answer is disposed by the caller.</summary>
    public async Task<HttpResponseMessage> SendAsync(Caller caller, MatrixRow row)
    {
        var path = row.Path.Replace("{report}", ReportId.ToString(), StringComparison.Ordinal)
            .Replace("{subscription}", SubscriptionId.ToString(), StringComparison.Ordinal)
            .Replace("{none}", Guid.Empty.ToString(), StringComparison.Ordinal);
        var request = new HttpRequestMessage(new HttpMethod(row.Method), path.TrimStart('/'));
        if (_bearer.TryGetValue(caller, out var token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (caller == Caller.ReportTokenHolder)
        {
            request.Headers.Add("X-Report-Token", _reportToken);
        }

        if (row.Json is not null)
        {
            request.Content = new StringContent(row.Json, Encoding.UTF8, "application/json");
        }

        return await _clients[caller].SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task CreateWorldAsync(SystemUnderTest api)
    {
        using (var user = await api.SendAsync(HttpMethod.Post, System.Url, "/api/v1/identity/users", AllScopes,
                   new { email = TriagerEmail, password = TriagerPassword, roles = new[] { "triager" } }))
        {
            Assert.Equal(HttpStatusCode.Created, user.StatusCode);
        }

        foreach (var (email, hostId) in new[] { (HostAEmail, "hub-a"), (HostBEmail, "hub-b") })
        {
            using var hostUser = await api.SendAsync(HttpMethod.Post, System.Url, "/api/v1/identity/users", AllScopes,
                new { email, password = HostPassword, roles = new[] { "host" }, hostId });
            Assert.Equal(HttpStatusCode.Created, hostUser.StatusCode);
        }

        using (var host = await api.SendAsync(HttpMethod.Post, System.Url, "/api/v1/hosts", AllScopes,
                   new { id = "hub-a", name = "Hub A", contactEmail = "sec@hub-a.example" }))
        {
            Assert.Equal(HttpStatusCode.Created, host.StatusCode);
        }

        using (var subscription = await api.SendAsync(HttpMethod.Post, System.Url, "/api/v1/hosts/hub-a/subscriptions", AllScopes,
                   new { url = "http://127.0.0.1:9/matrix", events = new[] { "report.triaged" } }))
        {
            Assert.Equal(HttpStatusCode.Created, subscription.StatusCode);
            SubscriptionId = Guid.Parse((await SystemUnderTest.JsonAsync(subscription))["id"]!.GetValue<string>());
        }

        (ReportId, _reportToken) = await api.SubmitAsync(SystemUnderTest.Report("hub-c", "org/matrix", "A report for the matrix"));
        await api.TriageReportAsync(ReportId);
    }

    private static Dictionary<string, string> Seed(Dictionary<string, string> settings, int index, TestClient client)
    {
        settings[$"SafetyReports:Identity:Clients:{index}:ClientId"] = client.ClientId;
        settings[$"SafetyReports:Identity:Clients:{index}:ClientSecret"] = client.Secret;
        var scopes = client.Scope.Split(' ');
        for (var i = 0; i < scopes.Length; i++)
        {
            settings[$"SafetyReports:Identity:Clients:{index}:Scopes:{i}"] = scopes[i];
        }

        return settings;
    }

    private static async Task<string> TokenFromAsync(string issuer, TestClient client)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(issuer.TrimEnd('/') + "/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.Secret,
            ["scope"] = client.Scope,
        }), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["access_token"]!.GetValue<string>();
    }

    /// <summary>The "exp" claim of a JWT, read without checking it (the server checks it).</summary>
    private static long ExpiryOf(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        return JsonNode.Parse(Convert.FromBase64String(payload))!["exp"]!.GetValue<long>();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        if (_otherIdentity is not null)
        {
            await _otherIdentity.DisposeAsync();
        }

        if (_system is not null)
        {
            await _system.DisposeAsync();
        }

        ScratchDirectory.Delete(_otherIdentityData);
    }
}
