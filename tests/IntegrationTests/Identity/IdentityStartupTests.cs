using System.Net;
using Microsoft.Extensions.Options;
using SafetyReports.ServiceDefaults.Security;

namespace SafetyReports.IntegrationTests.Identity;

/// <summary>Starts and restarts: each test has its own data directory and port, kept across its restarts.</summary>
[Trait("Speed", "Slow")]
public sealed class IdentityStartupTests : IDisposable
{
    private readonly string _dataDirectory = ScratchDirectory.Create();
    private readonly int _port = IdentityTestHost.FreePort();

    [Fact]
    public async Task A_restart_keeps_the_signing_key_the_clients_and_the_tokens_already_issued()
    {
        var clients = new SeededTestClients();
        IReadOnlyList<string> keyIdsBefore;
        string tokenBefore;
        await using (var first = await IdentityTestHost.StartAsync(_dataDirectory, _port, clients.Settings()))
        {
            keyIdsBefore = await TokenClient.JwksKeyIdsAsync(first.Http);
            tokenBefore = await TokenClient.AccessTokenAsync(first.Http, SeededTestClients.TriageClientId, clients.TriageSecret, Scopes.Triage);
            Assert.Equal(2, await first.CountClientsAsync());
        }

        await using var second = await IdentityTestHost.StartAsync(_dataDirectory, _port, clients.Settings());

        Assert.Equal(keyIdsBefore, await TokenClient.JwksKeyIdsAsync(second.Http));
        Assert.Equal(2, await second.CountClientsAsync());
        Assert.Equal(HttpStatusCode.OK, await TokenClient.CallProtectedAsync(second.Http, tokenBefore));
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenClient.CallProtectedAsync(second.Http, null));

        var hostToken = await TokenClient.AccessTokenAsync(second.Http, SeededTestClients.HostClientId, clients.HostSecret, Scopes.Host);
        Assert.Equal(HttpStatusCode.Forbidden, await TokenClient.CallProtectedAsync(second.Http, hostToken));
        Assert.Equal(TokenClient.Header(tokenBefore).GetProperty("kid").GetString(), TokenClient.Header(hostToken).GetProperty("kid").GetString());
    }

    [Fact]
    public async Task Another_data_directory_means_another_signing_key()
    {
        var clients = new SeededTestClients();
        var otherDirectory = ScratchDirectory.Create();
        try
        {
            IReadOnlyList<string> first;
            await using (var host = await IdentityTestHost.StartAsync(_dataDirectory, _port, clients.Settings()))
            {
                first = await TokenClient.JwksKeyIdsAsync(host.Http);
            }

            await using var other = await IdentityTestHost.StartAsync(otherDirectory, _port, clients.Settings());
            Assert.NotEqual(first, await TokenClient.JwksKeyIdsAsync(other.Http));
        }
        finally
        {
            ScratchDirectory.Delete(otherDirectory);
        }
    }

    [Fact]
    public async Task Reseeding_updates_clients_in_place_and_removes_those_no_longer_configured()
    {
        var before = new SeededTestClients();
        await using (var first = await IdentityTestHost.StartAsync(_dataDirectory, _port, before.Settings()))
        {
            await TokenClient.AccessTokenAsync(first.Http, SeededTestClients.HostClientId, before.HostSecret, Scopes.Host);
        }

        // The triage client gets a new secret and a second scope; the host client leaves configuration.
        var newSecret = SeededTestClients.NewSecret();
        var after = new Dictionary<string, string?>
        {
            ["SafetyReports:Identity:Clients:0:ClientId"] = SeededTestClients.TriageClientId,
            ["SafetyReports:Identity:Clients:0:ClientSecret"] = newSecret,
            ["SafetyReports:Identity:Clients:0:Scopes:0"] = Scopes.Triage,
            ["SafetyReports:Identity:Clients:0:Scopes:1"] = Scopes.NotificationsAdmin,
        };
        await using var second = await IdentityTestHost.StartAsync(_dataDirectory, _port, after);

        Assert.Equal(1, await second.CountClientsAsync());
        Assert.Equal("invalid_client", (await TokenClient.RequestAsync(second.Http, SeededTestClients.TriageClientId, before.TriageSecret, Scopes.Triage)).Error);
        Assert.Equal("invalid_client", (await TokenClient.RequestAsync(second.Http, SeededTestClients.HostClientId, before.HostSecret, Scopes.Host)).Error);

        var jwt = await TokenClient.AccessTokenAsync(second.Http, SeededTestClients.TriageClientId, newSecret, $"{Scopes.Triage} {Scopes.NotificationsAdmin}");
        var scope = TokenClient.Payload(jwt).GetProperty("scope").GetString()!.Split(' ');
        Assert.Equal([Scopes.NotificationsAdmin, Scopes.Triage], scope.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_host_client_without_a_host_id_stops_the_start_without_revealing_the_secret()
    {
        var secret = SeededTestClients.NewSecret();
        var settings = new Dictionary<string, string?>
        {
            ["SafetyReports:Identity:Clients:0:ClientId"] = "hub-without-host",
            ["SafetyReports:Identity:Clients:0:ClientSecret"] = secret,
            ["SafetyReports:Identity:Clients:0:Scopes:0"] = Scopes.Host,
        };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => IdentityTestHost.StartAsync(_dataDirectory, _port, settings));

        Assert.Contains("SafetyReports:Identity:Clients:0:HostId", error.Message);
        Assert.DoesNotContain(secret, error.Message);
    }

    [Fact]
    public async Task With_RequireHttps_a_plain_http_token_request_is_refused()
    {
        var clients = new SeededTestClients();
        var settings = clients.Settings();
        settings["SafetyReports:Identity:RequireHttps"] = "true";
        await using var host = await IdentityTestHost.StartAsync(_dataDirectory, _port, settings);

        var response = await TokenClient.RequestAsync(host.Http, SeededTestClients.TriageClientId, clients.TriageSecret, Scopes.Triage);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_request", response.Error);
        Assert.Null(response.AccessToken);
    }

    public void Dispose() => ScratchDirectory.Delete(_dataDirectory);
}
