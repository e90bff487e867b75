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
}
