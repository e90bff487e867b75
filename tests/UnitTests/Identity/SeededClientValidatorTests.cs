using SafetyReports.Identity.Configuration;

namespace SafetyReports.UnitTests.Identity;

public class SeededClientValidatorTests
{
    private const string Secret = "a-secret-that-must-never-be-echoed";

    private static SeededClientOptions Client(string? id = "triage-bot", string? secret = Secret, string? hostId = null, params string[] scopes) =>
        new() { ClientId = id, ClientSecret = secret, HostId = hostId, Scopes = [.. scopes] };

    private static IReadOnlyList<string> Errors(params SeededClientOptions[] clients) =>
        SeededClientValidator.FindErrors(new IdentityServiceOptions { Clients = [.. clients] });

    [Fact]
    public void Well_formed_clients_pass()
    {
        var errors = Errors(
            Client(scopes: ["triage", "notifications:admin"]),
            Client(id: "hub", hostId: "huggingface", scopes: ["host"]));

        Assert.Empty(errors);
        Assert.True(new SeededClientValidator().Validate(null, new IdentityServiceOptions()).Succeeded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_missing_client_id_is_refused(string? id)
    {
        var error = Assert.Single(Errors(Client(id: id, scopes: ["triage"])));
        Assert.Equal("SafetyReports:Identity:Clients:0:ClientId is required.", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_missing_secret_is_refused(string? secret)
    {
        var error = Assert.Single(Errors(Client(secret: secret, scopes: ["triage"])));
        Assert.Equal("SafetyReports:Identity:Clients:0:ClientSecret is required.", error);
    }

    [Theory]
    [InlineData("change-me", "SafetyReports:Identity:Clients:0:ClientSecret is a placeholder")]
    [InlineData("CHANGE_ME_PLEASE_0123", "SafetyReports:Identity:Clients:0:ClientSecret is a placeholder")]
    [InlineData("short-secret-12", "SafetyReports:Identity:Clients:0:ClientSecret is too short")]
    public void A_placeholder_or_short_secret_is_refused_naming_the_key_and_never_the_secret(string secret, string expected)
    {
        var error = Assert.Single(Errors(Client(secret: secret, scopes: ["triage"])));
        Assert.StartsWith(expected, error);
        Assert.DoesNotContain(secret, error);
    }

    [Fact]
    public void An_unknown_scope_is_refused_and_named()
    {
        var error = Assert.Single(Errors(Client(scopes: ["triage", "Triage"])));
        Assert.StartsWith("SafetyReports:Identity:Clients:0:Scopes contains the unknown scope 'Triage'", error);
    }

    [Fact]
    public void A_client_without_scopes_is_refused()
    {
        var error = Assert.Single(Errors(Client()));
        Assert.StartsWith("SafetyReports:Identity:Clients:0:Scopes must grant at least one", error);
    }

    [Fact]
    public void The_host_scope_needs_a_host_id()
    {
        var error = Assert.Single(Errors(Client(scopes: ["host"])));
        Assert.StartsWith("SafetyReports:Identity:Clients:0:HostId is required", error);
    }

    [Fact]
    public void A_host_id_without_the_host_scope_is_refused()
    {
        var error = Assert.Single(Errors(Client(hostId: "huggingface", scopes: ["triage"])));
        Assert.StartsWith("SafetyReports:Identity:Clients:0:HostId is set", error);
    }

    [Fact]
    public void A_client_id_configured_twice_is_refused_at_its_second_index()
    {
        var error = Assert.Single(Errors(Client(scopes: ["triage"]), Client(scopes: ["notifications:admin"])));
        Assert.StartsWith("SafetyReports:Identity:Clients:1:ClientId 'triage-bot'", error);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("/relative")]
    [InlineData("ftp://example.org/")]
    [InlineData("https://example.org/?tenant=1")]
    public void A_malformed_issuer_is_refused(string issuer)
    {
        var error = Assert.Single(SeededClientValidator.FindErrors(new IdentityServiceOptions { Issuer = issuer }));
        Assert.StartsWith("SafetyReports:Identity:Issuer", error);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_and_no_message_contains_a_secret()
    {
        var result = new SeededClientValidator().Validate(null, new IdentityServiceOptions
        {
            Clients = [Client(id: null, scopes: ["host", "bogus"]), Client(secret: null, scopes: ["triage"])],
        });

        Assert.True(result.Failed);
        Assert.Equal(4, result.Failures!.Count());
        Assert.DoesNotContain(Secret, result.FailureMessage);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:00:00.5")]
    [InlineData("-00:00:10")]
    [InlineData("01:00:01")]
    public void An_access_token_lifetime_outside_a_second_to_an_hour_is_refused(string lifetime)
    {
        var client = Client(scopes: ["triage"]);
        client.AccessTokenLifetime = TimeSpan.Parse(lifetime, System.Globalization.CultureInfo.InvariantCulture);

        var error = Assert.Single(Errors(client));
        Assert.Equal("SafetyReports:Identity:Clients:0:AccessTokenLifetime must be between 00:00:01 and 01:00:00.", error);
    }

    [Theory]
    [InlineData("00:00:01")]
    [InlineData("00:05:00")]
    [InlineData("01:00:00")]
    public void An_access_token_lifetime_within_a_second_to_an_hour_is_accepted(string lifetime)
    {
        var client = Client(scopes: ["triage"]);
        client.AccessTokenLifetime = TimeSpan.Parse(lifetime, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Empty(Errors(client));
    }

    [Fact]
    public void A_seeded_client_may_hold_an_evidence_scope_only_when_it_is_the_one_configured_for_it()
    {
        Assert.Empty(Errors(Client(id: "triage-evidence", scopes: ["evidence:read"]), Client(id: "notification-evidence", scopes: ["evidence:shared"])));

        var error = Assert.Single(Errors(Client(id: "reporting-bot", scopes: ["triage", "evidence:read"])));
        Assert.Equal(
            "SafetyReports:Identity:Clients:0:Scopes: The 'evidence:read' scope is reserved for the client 'triage-evidence' "
            + "(SafetyReports:Identity:EvidenceClients:Triage); no other client may hold it.", error);

        var options = new IdentityServiceOptions
        {
            Clients = [Client(id: "our-triage", scopes: ["evidence:read"])],
            EvidenceClients = new EvidenceClientOptions { Triage = "our-triage" },
        };
        Assert.Empty(SeededClientValidator.FindErrors(options));
        Assert.False(new SeededClientValidator().Validate(null, new IdentityServiceOptions { Clients = [Client(id: "x", scopes: ["evidence:shared"])] }).Succeeded);
    }
}
