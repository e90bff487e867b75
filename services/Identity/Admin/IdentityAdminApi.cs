namespace SafetyReports.Identity.Admin;

/// <summary>The admin API under <c>/api/v1/identity</c>: maintainers and machine clients, scope <c>identity:admin</c>.</summary>
public static class IdentityAdminApi
{
    public const string Prefix = "/api/v1/identity";

    public static IEndpointRouteBuilder MapIdentityAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix).RequireAuthorization(Scopes.IdentityAdmin).WithTags("Identity administration");

        api.MapGet("/users", async (UserAdministration admin, CancellationToken ct) => Results.Ok(new ItemsView<UserView>(await admin.ListAsync(ct))));
        api.MapPost("/users", async (CreateUserRequest request, UserAdministration admin) => ToHttp(await admin.CreateAsync(request)));
        api.MapPut("/users/{id}/roles", async (string id, SetRolesRequest request, UserAdministration admin, CancellationToken ct) =>
            ToHttp(await admin.SetRolesAsync(id, request, ct)));
        api.MapPost("/users/{id}/lock", async (string id, UserAdministration admin, CancellationToken ct) => ToHttp(await admin.LockAsync(id, ct)));
        api.MapPost("/users/{id}/unlock", async (string id, UserAdministration admin, CancellationToken ct) => ToHttp(await admin.UnlockAsync(id, ct)));

        api.MapGet("/clients", async (ClientAdministration admin, CancellationToken ct) => Results.Ok(new ItemsView<ClientView>(await admin.ListAsync(ct))));
        api.MapPost("/clients", async (CreateClientRequest request, ClientAdministration admin, CancellationToken ct) =>
            ToHttp(await admin.CreateAsync(request, ct)));
        api.MapDelete("/clients/{clientId}", async (string clientId, ClientAdministration admin, CancellationToken ct) =>
            ToHttp(await admin.DeleteAsync(clientId, ct)));
        return endpoints;
    }

    private static IResult ToHttp<T>(AdminOutcome<T> outcome) => outcome.Kind switch
    {
        AdminOutcomeKind.Ok => Results.Ok(outcome.Value),
        AdminOutcomeKind.Created => Results.Json(outcome.Value, statusCode: StatusCodes.Status201Created),
        AdminOutcomeKind.Deleted => Results.NoContent(),
        AdminOutcomeKind.Invalid => ProblemResults.Validation(outcome.Errors!),
        AdminOutcomeKind.NotFound => ProblemResults.NotFound(outcome.Detail!),
        AdminOutcomeKind.Conflict => ProblemResults.Conflict(outcome.Detail!),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };
}
