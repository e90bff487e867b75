namespace SafetyReports.Portal.Clients;

/// <summary>The Identity admin API (scope <c>identity:admin</c>) as the signed-in admin.</summary>
public sealed class IdentityClient(ApiCaller api)
{
    private const string Users = "/api/v1/identity/users";
    private const string Clients = "/api/v1/identity/clients";

    public Task<ApiResult<UserList>> ListUsersAsync(CancellationToken cancellationToken) => api.GetAsync<UserList>(Users, cancellationToken);

    public Task<ApiResult<UserView>> CreateUserAsync(CreateUserBody body, CancellationToken cancellationToken) =>
        api.PostAsync<UserView>(Users, body, cancellationToken);

    public Task<ApiResult<UserView>> SetRolesAsync(string? userId, RolesBody body, CancellationToken cancellationToken) =>
        ApiPath.Segment(userId) is { } id
            ? api.SendAsync<UserView>(HttpMethod.Put, $"{Users}/{id}/roles", body, cancellationToken)
            : Task.FromResult(ApiPath.NotFound<UserView>());

    public Task<ApiResult<UserView>> LockAsync(string? userId, bool locked, CancellationToken cancellationToken) =>
        ApiPath.Segment(userId) is { } id
            ? api.PostAsync<UserView>($"{Users}/{id}/{(locked ? "lock" : "unlock")}", null, cancellationToken)
            : Task.FromResult(ApiPath.NotFound<UserView>());

    public Task<ApiResult<ClientList>> ListClientsAsync(CancellationToken cancellationToken) => api.GetAsync<ClientList>(Clients, cancellationToken);

    public Task<ApiResult<CreatedClient>> CreateClientAsync(CreateClientBody body, CancellationToken cancellationToken) =>
        api.PostAsync<CreatedClient>(Clients, body, cancellationToken);

    public Task<ApiResult<NoContent>> DeleteClientAsync(string? clientId, CancellationToken cancellationToken) =>
        ApiPath.Segment(clientId) is { } id
            ? api.SendAsync<NoContent>(HttpMethod.Delete, $"{Clients}/{id}", null, cancellationToken)
            : Task.FromResult(ApiPath.NotFound<NoContent>());
}
