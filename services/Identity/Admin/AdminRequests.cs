namespace SafetyReports.Identity.Admin;

/// <param name="HostId">The model host a user with the <c>host</c> role acts for; required with that role, refused without it.</param>
public sealed record CreateUserRequest(string? Email, string? Password, List<string?>? Roles, string? HostId = null);

public sealed record SetRolesRequest(List<string?>? Roles);

public sealed record CreateClientRequest(string? ClientId, List<string?>? Scopes, string? HostId);

/// <param name="HostId">The model host of a host user; null for maintainers.</param>
public sealed record UserView(string Id, string Email, IReadOnlyList<string> Roles, bool LockedOut, string? HostId);

public sealed record ClientView(string ClientId, IReadOnlyList<string> Scopes, string? HostId, bool Interactive);

/// <summary>The only answer that carries a client's secret, once.</summary>
public sealed record CreatedClientView(string ClientId, string Secret, IReadOnlyList<string> Scopes, string? HostId);

public sealed record ItemsView<T>(IReadOnlyList<T> Items);
