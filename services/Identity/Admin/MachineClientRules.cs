using System.Text.RegularExpressions;

namespace SafetyReports.Identity.Admin;

/// <summary>What a machine client created through the admin API must look like; errors keyed by request field.</summary>
public static partial class MachineClientRules
{
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\z")]
    private static partial Regex ClientIdPattern();

    /// <param name="evidenceClients">The clients that alone may hold the evidence scopes (the defaults when null).</param>
    public static Dictionary<string, string[]> FindErrors(CreateClientRequest request, EvidenceClientOptions? evidenceClients = null)
    {
        evidenceClients ??= new EvidenceClientOptions();
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(request.ClientId) || !ClientIdPattern().IsMatch(request.ClientId))
        {
            errors["clientId"] = ["A client id is 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit."];
        }

        var scopes = request.Scopes ?? [];
        if (scopes.Count == 0)
        {
            errors["scopes"] = [$"At least one scope is required: {string.Join(", ", Scopes.All)}."];
        }
        else if (scopes.Where(s => s is null || !Scopes.All.Contains(s, StringComparer.Ordinal)).ToList() is { Count: > 0 } unknown)
        {
            errors["scopes"] = [$"Unknown scope(s) {string.Join(", ", unknown.Select(s => $"'{s}'"))}; known scopes: {string.Join(", ", Scopes.All)}."];
        }
        else if (evidenceClients.Refusals(request.ClientId, scopes) is { Count: > 0 } reserved)
        {
            errors["scopes"] = [.. reserved];
        }

        var hasHostScope = scopes.Contains(Scopes.Host, StringComparer.Ordinal);
        if (request.HostId is not null && !HostIdRule.IsValid(request.HostId))
        {
            errors["hostId"] = [HostIdRule.Problem];
        }
        else if (hasHostScope && request.HostId is null)
        {
            errors["hostId"] = [$"The '{Scopes.Host}' scope needs a hostId: it binds the client to one model host."];
        }
        else if (!hasHostScope && request.HostId is not null)
        {
            errors["hostId"] = [$"A hostId is only for a client with the '{Scopes.Host}' scope."];
        }

        return errors;
    }
}
