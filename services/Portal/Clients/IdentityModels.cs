using System.Text.Json.Serialization;

namespace SafetyReports.Portal.Clients;

// The Identity admin API's JSON as the portal reads it; missing fields take their defaults.

public sealed record UserView
{
    public string Id { get; init; } = "";
    public string Email { get; init; } = "";
    public IReadOnlyList<string> Roles { get; init; } = [];
    public bool LockedOut { get; init; }

    /// <summary>The host a host user is bound to; null for maintainers.</summary>
    public string? HostId { get; init; }
}

public sealed record UserList
{
    public IReadOnlyList<UserView> Items { get; init; } = [];
}

public sealed record ClientView
{
    public string ClientId { get; init; } = "";
    public IReadOnlyList<string> Scopes { get; init; } = [];
    public string? HostId { get; init; }
    public bool Interactive { get; init; }
}

public sealed record ClientList
{
    public IReadOnlyList<ClientView> Items { get; init; } = [];
}

/// <summary>The only answer that carries a machine client's secret: its creation.</summary>
public sealed record CreatedClient
{
    public string ClientId { get; init; } = "";
    public string Secret { get; init; } = "";
    public IReadOnlyList<string> Scopes { get; init; } = [];
    public string? HostId { get; init; }
}

/// <param name="HostId">Only for a host user (role <c>host</c>); left out otherwise.</param>
public sealed record CreateUserBody(
    string Email, string Password, IReadOnlyList<string> Roles,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? HostId = null);

public sealed record RolesBody(IReadOnlyList<string> Roles);

public sealed record CreateClientBody(string ClientId, IReadOnlyList<string> Scopes, string? HostId);
