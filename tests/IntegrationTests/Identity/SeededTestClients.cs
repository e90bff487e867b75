namespace SafetyReports.IntegrationTests.Identity;

/// <summary>Two configured clients with secrets made up per run: a triager and a model host's client.</summary>
internal sealed class SeededTestClients
{
    public const string TriageClientId = "triage-bot";
    public const string HostClientId = "hub-client";
    public const string HostId = "example-hub";

    public string TriageSecret { get; init; } = NewSecret();

    public string HostSecret { get; init; } = NewSecret();

    public static string NewSecret() => Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + Guid.NewGuid().ToString("N");

    public Dictionary<string, string?> Settings() => new()
    {
        ["SafetyReports:Identity:Clients:0:ClientId"] = TriageClientId,
        ["SafetyReports:Identity:Clients:0:ClientSecret"] = TriageSecret,
        ["SafetyReports:Identity:Clients:0:Scopes:0"] = "triage",
        ["SafetyReports:Identity:Clients:1:ClientId"] = HostClientId,
        ["SafetyReports:Identity:Clients:1:ClientSecret"] = HostSecret,
        ["SafetyReports:Identity:Clients:1:Scopes:0"] = "host",
        ["SafetyReports:Identity:Clients:1:HostId"] = HostId,
    };
}
