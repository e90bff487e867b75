using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using SafetyReports.Identity.Keys;
using SafetyReports.ServiceDefaults.Security;

namespace SafetyReports.IntegrationTests.Identity;

public sealed class IdentityTokenTests(IdentityServerFixture fixture) : IClassFixture<IdentityServerFixture>
{
    private IdentityTestHost Host => fixture.Host;

    private SeededTestClients Clients => fixture.Clients;

    [Fact]
    public async Task Discovery_lists_the_token_endpoint_the_keys_and_the_scopes()
    {
        var discovery = await TokenClient.GetJsonAsync(Host.Http, ".well-known/openid-configuration");

        Assert.Equal(Host.BaseAddress.AbsoluteUri, discovery.GetProperty("issuer").GetString());
        Assert.Equal(new Uri(Host.BaseAddress, "connect/token").AbsoluteUri, discovery.GetProperty("token_endpoint").GetString());
        Assert.Contains("client_credentials", Strings(discovery.GetProperty("grant_types_supported")));
        var scopes = Strings(discovery.GetProperty("scopes_supported"));
        Assert.All(Scopes.All, scope => Assert.Contains(scope, scopes));

        var keyIds = await TokenClient.JwksKeyIdsAsync(Host.Http);
        Assert.Single(keyIds);
    }

    [Fact]
    public async Task A_granted_scope_gives_a_signed_jwt_for_the_client()
    {
        var response = await TokenClient.RequestAsync(Host.Http, SeededTestClients.TriageClientId, Clients.TriageSecret, Scopes.Triage);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Bearer", response.Body.GetProperty("token_type").GetString());
        // expires_in counts from the moment the response is written, so it may have lost a second.
        Assert.InRange(response.Body.GetProperty("expires_in").GetInt32(), 3590, 3600);

        var jwt = response.AccessToken!;
        var header = TokenClient.Header(jwt);
        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        Assert.Contains(header.GetProperty("kid").GetString(), await TokenClient.JwksKeyIdsAsync(Host.Http));

        var payload = TokenClient.Payload(jwt);
        Assert.Equal(Host.BaseAddress.AbsoluteUri, payload.GetProperty("iss").GetString());
        Assert.Equal(SeededTestClients.TriageClientId, payload.GetProperty("sub").GetString());
        Assert.Equal([Scopes.Triage], ScopesOf(payload));
        Assert.False(payload.TryGetProperty(Scopes.HostIdClaim, out _));
        Assert.Equal(3600, payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64());
    }

    [Theory]
    [InlineData(Scopes.EvidenceRead)]
    [InlineData(Scopes.EvidenceShared)]
    public async Task A_client_that_holds_an_evidence_scope_reserved_for_another_gets_no_token(string scope)
    {
        // Written straight to the store, as a client made before the scopes were reserved would be: the API and the
        // configuration refuse to make one (MachineClientRulesTests, SeededClientValidatorTests).
        var clientId = $"sneaky-{Guid.NewGuid():N}";
        const string secret = "a-sneaky-client-secret-0123456789";
        await using (var services = Host.App.Services.CreateAsyncScope())
        {
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = clientId, ClientSecret = secret, ClientType = OpenIddictConstants.ClientTypes.Confidential,
                Permissions =
                {
                    OpenIddictConstants.Permissions.Endpoints.Token, OpenIddictConstants.Permissions.GrantTypes.ClientCredentials,
                    OpenIddictConstants.Permissions.Prefixes.Scope + scope,
                },
            };
            await services.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(descriptor, TestContext.Current.CancellationToken);
        }

        foreach (var asked in new[] { scope, null })
        {
            var response = await TokenClient.RequestAsync(Host.Http, clientId, secret, asked);
            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Equal("invalid_scope", response.Error);
            Assert.Null(response.AccessToken);
        }
    }

    [Fact]
    public async Task A_host_client_token_carries_its_host_id()
    {
        var jwt = await TokenClient.AccessTokenAsync(Host.Http, SeededTestClients.HostClientId, Clients.HostSecret, Scopes.Host);

        var payload = TokenClient.Payload(jwt);
        Assert.Equal(SeededTestClients.HostClientId, payload.GetProperty("sub").GetString());
        Assert.Equal([Scopes.Host], ScopesOf(payload));
        Assert.Equal(SeededTestClients.HostId, payload.GetProperty(Scopes.HostIdClaim).GetString());
    }

    [Fact]
    public async Task Without_a_scope_parameter_the_client_gets_exactly_its_granted_scopes()
    {
        var jwt = await TokenClient.AccessTokenAsync(Host.Http, SeededTestClients.HostClientId, Clients.HostSecret, scope: null);

        Assert.Equal([Scopes.Host], ScopesOf(TokenClient.Payload(jwt)));
    }

    [Theory]
    [InlineData(Scopes.Host)]
    [InlineData(Scopes.NotificationsAdmin)]
    [InlineData("triage host")]
    public async Task A_scope_the_client_was_not_granted_gets_an_oauth_error_and_no_token(string scope)
    {
        var response = await TokenClient.RequestAsync(Host.Http, SeededTestClients.TriageClientId, Clients.TriageSecret, scope);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_request", response.Error);
        Assert.Null(response.AccessToken);
    }

    [Fact]
    public async Task A_scope_nobody_registered_gets_invalid_scope()
    {
        var response = await TokenClient.RequestAsync(Host.Http, SeededTestClients.TriageClientId, Clients.TriageSecret, "admin");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_scope", response.Error);
        Assert.Null(response.AccessToken);
    }

    [Fact]
    public async Task A_wrong_secret_or_an_unknown_client_gets_invalid_client()
    {
        var wrongSecret = await TokenClient.RequestAsync(Host.Http, SeededTestClients.TriageClientId, Clients.HostSecret, Scopes.Triage);
        var unknown = await TokenClient.RequestAsync(Host.Http, "nobody", Clients.TriageSecret, Scopes.Triage);

        foreach (var response in new[] { wrongSecret, unknown })
        {
            Assert.Contains(response.Status, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized });
            Assert.Equal("invalid_client", response.Error);
            Assert.Null(response.AccessToken);
        }
    }

    [Fact]
    public async Task The_triage_policy_accepts_a_triage_token_and_refuses_the_rest()
    {
        var triageToken = await TokenClient.AccessTokenAsync(Host.Http, SeededTestClients.TriageClientId, Clients.TriageSecret, Scopes.Triage);
        var hostToken = await TokenClient.AccessTokenAsync(Host.Http, SeededTestClients.HostClientId, Clients.HostSecret, Scopes.Host);

        Assert.Equal(HttpStatusCode.OK, await TokenClient.CallProtectedAsync(Host.Http, triageToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenClient.CallProtectedAsync(Host.Http, null));
        Assert.Equal(HttpStatusCode.Forbidden, await TokenClient.CallProtectedAsync(Host.Http, hostToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenClient.CallProtectedAsync(Host.Http, Tampered(triageToken)));
    }

    [Fact]
    public async Task Readiness_includes_the_identity_database()
    {
        var ready = await TokenClient.GetJsonAsync(Host.Http, "health/ready");

        var check = ready.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "identity-db");
        Assert.Equal("Healthy", check.GetProperty("status").GetString());
    }

    [Fact]
    public void Keys_and_database_are_files_only_the_owner_can_read()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes do not apply on Windows.");
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var directory = Path.Combine(fixture.DataDirectory, "identity");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory));
        foreach (var file in new[] { ServerKeyStore.SigningKeyFile, ServerKeyStore.EncryptionKeyFile })
        {
            var path = Path.Combine(directory, file);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(path));
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(fixture.DataDirectory, "identity.db")));
    }

    private static List<string> ScopesOf(JsonElement payload)
    {
        var scope = payload.GetProperty("scope");
        return scope.ValueKind == JsonValueKind.Array
            ? Strings(scope)
            : [.. scope.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
    }

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    /// <summary>The same token with its payload changed: the signature no longer matches.</summary>
    private static string Tampered(string jwt)
    {
        var parts = jwt.Split('.');
        var payload = TokenClient.Payload(jwt).GetRawText().Replace(SeededTestClients.TriageClientId, "someone-else", StringComparison.Ordinal);
        parts[1] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(payload)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return string.Join('.', parts);
    }
}
