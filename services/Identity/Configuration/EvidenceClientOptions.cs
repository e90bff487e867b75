namespace SafetyReports.Identity.Configuration;

/// <summary>
/// <c>SafetyReports:Identity:EvidenceClients</c>: the only clients that may hold the evidence scopes. Set them to the client ids
/// Triage and Notification use (<c>SafetyReports:Triage:EvidenceFiles:ClientId</c>, <c>SafetyReports:Notification:EvidenceFiles:ClientId</c>)
/// when those are not the defaults.
/// </summary>
public sealed class EvidenceClientOptions
{
    /// <summary>The one client that may hold <c>evidence:read</c>.</summary>
    public string Triage { get; set; } = EvidenceClients.TriageDefault;

    /// <summary>The one client that may hold <c>evidence:shared</c>.</summary>
    public string Notification { get; set; } = EvidenceClients.NotificationDefault;

    /// <summary>Each reserved scope with the configuration key that names its one holder and that holder.</summary>
    public IEnumerable<(string Scope, string Key, string Holder)> Reserved()
    {
        yield return (Scopes.EvidenceRead, $"{IdentityServiceOptions.Section}:EvidenceClients:Triage", Triage);
        yield return (Scopes.EvidenceShared, $"{IdentityServiceOptions.Section}:EvidenceClients:Notification", Notification);
    }

    /// <summary>Why <paramref name="clientId"/> may not hold those of <paramref name="scopes"/> that are reserved for another client; empty when it may.</summary>
    public IReadOnlyList<string> Refusals(string? clientId, IEnumerable<string?> scopes)
    {
        var asked = scopes.ToHashSet(StringComparer.Ordinal);
        return [.. Reserved()
            .Where(r => asked.Contains(r.Scope) && !string.Equals(clientId, r.Holder, StringComparison.Ordinal))
            .Select(r => $"The '{r.Scope}' scope is reserved for the client '{r.Holder}' ({r.Key}); no other client may hold it.")];
    }
}
