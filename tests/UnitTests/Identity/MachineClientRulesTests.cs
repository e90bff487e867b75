using SafetyReports.Identity.Admin;

namespace SafetyReports.UnitTests.Identity;

public class MachineClientRulesTests
{
    private static Dictionary<string, string[]> Errors(string? clientId, string?[]? scopes, string? hostId = null) =>
        MachineClientRules.FindErrors(new CreateClientRequest(clientId, scopes?.ToList(), hostId));

    [Fact]
    public void Well_formed_clients_pass()
    {
        Assert.Empty(Errors("triage-bot", ["triage", "notifications:admin"]));
        Assert.Empty(Errors("Hub.Client_1", ["host"], "hub-a"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-starts-with-dash")]
    [InlineData("has space")]
    [InlineData("slash/in/id")]
    public void A_bad_client_id_is_refused(string? clientId)
    {
        Assert.Equal(["clientId"], Errors(clientId, ["triage"]).Keys);
    }

    [Fact]
    public void A_client_id_of_101_characters_is_refused()
    {
        Assert.Empty(Errors(new string('a', 100), ["triage"]));
        Assert.Equal(["clientId"], Errors(new string('a', 101), ["triage"]).Keys);
    }

    [Fact]
    public void Scopes_must_be_present_and_known()
    {
        Assert.StartsWith("At least one scope", Errors("bot", []).GetValueOrDefault("scopes")!.Single());
        Assert.StartsWith("At least one scope", Errors("bot", null).GetValueOrDefault("scopes")!.Single());
        Assert.StartsWith("Unknown scope(s) 'openid', 'Triage'", Errors("bot", ["openid", "Triage", "triage"]).GetValueOrDefault("scopes")!.Single());
        Assert.StartsWith("Unknown scope(s) ''", Errors("bot", [null]).GetValueOrDefault("scopes")!.Single());
    }

    [Fact]
    public void The_host_scope_and_a_host_id_go_together()
    {
        Assert.StartsWith("The 'host' scope needs a hostId", Errors("hub", ["host"]).GetValueOrDefault("hostId")!.Single());
        Assert.StartsWith("A hostId is only for", Errors("bot", ["triage"], "hub-a").GetValueOrDefault("hostId")!.Single());
        Assert.StartsWith("A host id is", Errors("hub", ["host"], "Hub A").GetValueOrDefault("hostId")!.Single());
    }

    [Fact]
    public void The_evidence_scopes_are_refused_for_any_client_but_the_one_configured_for_each()
    {
        var scopes = Errors("my-bot", ["triage", "evidence:read"])["scopes"];
        Assert.Equal(["The 'evidence:read' scope is reserved for the client 'triage-evidence' (SafetyReports:Identity:EvidenceClients:Triage); no other client may hold it."], scopes);
        Assert.Contains("notification-evidence", Assert.Single(Errors("my-bot", ["evidence:shared"])["scopes"]));
        Assert.Empty(Errors("triage-evidence", ["evidence:read"]));
        Assert.Empty(Errors("notification-evidence", ["evidence:shared"]));
        // Each client holds its own scope only.
        Assert.Contains("scopes", Errors("triage-evidence", ["evidence:shared"]).Keys);

        var moved = new SafetyReports.Identity.Configuration.EvidenceClientOptions { Triage = "our-triage" };
        Assert.Empty(MachineClientRules.FindErrors(new CreateClientRequest("our-triage", ["evidence:read"], null), moved));
        Assert.Contains("scopes", MachineClientRules.FindErrors(new CreateClientRequest("triage-evidence", ["evidence:read"], null), moved).Keys);
    }
}
