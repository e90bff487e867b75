namespace SafetyReports.Identity.Admin;

public sealed record CreateUserRequest(string? Email, string? Password, List<string?>? Roles);

public sealed record SetRolesRequest(List<string?>? Roles);

public sealed record CreateClientRequest(string? ClientId, List<string?>? Scopes, string? HostId);

public sealed record UserView(string Id, string Email, IReadOnlyList<string> Roles, bool LockedOut);

public sealed record ClientView(string ClientId, IReadOnlyList<string> Scopes, string? HostId, bool Interactive);

/// <summary>The only answer that carries a client's secret, once.</summary>
public sealed record CreatedClientView(string ClientId, string Secret, IReadOnlyList<string> Scopes, string? HostId);

public sealed record ItemsView<T>(IReadOnlyList<T> Items);
