using System.Collections.Immutable;
using System.Text.Json;
using OpenIddict.Abstractions;

namespace SafetyReports.Identity.Clients;

/// <summary>What Identity keeps in an OpenIddict application's properties, and how to read it back.</summary>
public static class ClientProperties
{
    /// <summary>The model host a host client acts for; copied into its tokens as <c>host_id</c>.</summary>
    public const string HostId = "host_id";

    /// <summary>Marks clients that configuration owns, so removing one from configuration removes the client.</summary>
    public const string SeededFromConfiguration = "seeded_from_configuration";

    public static string? ReadHostId(ImmutableDictionary<string, JsonElement> properties) =>
        properties.TryGetValue(HostId, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static bool IsSeeded(ImmutableDictionary<string, JsonElement> properties) =>
        properties.TryGetValue(SeededFromConfiguration, out var value) && value.ValueKind == JsonValueKind.True;

    /// <summary>An interactive client signs users in with the authorization code flow.</summary>
    public static bool IsInteractive(ImmutableArray<string> permissions) =>
        permissions.Contains(OpenIddictConstants.Permissions.GrantTypes.AuthorizationCode);

    /// <summary>The API scopes a client was granted, from its <c>scp:</c> permissions (an interactive client's OIDC scopes left out).</summary>
    public static IReadOnlyList<string> GrantedScopes(ImmutableArray<string> permissions) =>
        permissions
            .Where(p => p.StartsWith(OpenIddictConstants.Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(p => p[OpenIddictConstants.Permissions.Prefixes.Scope.Length..])
            .Where(s => Scopes.All.Contains(s, StringComparer.Ordinal))
            .ToList();
}
