namespace SafetyReports.Portal.Pages.Portal.Admin;

/// <summary>
/// <c>/portal/admin/users</c>: accounts in Identity: create (a maintainer, or a host user bound to one host id), change a
/// maintainer's roles, lock and unlock. Identity decides what may be combined (a host user is nothing else).
/// </summary>
public sealed class UsersModel(IdentityClient identity) : PortalPageModel
{
    public IReadOnlyList<UserView> Users { get; private set; } = [];

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    [BindProperty]
    public string? HostId { get; set; }

    /// <summary>The roles a maintainer's row may change.</summary>
    public static IReadOnlyList<string> MaintainerRoles => SafetyReports.ServiceDefaults.Security.Roles.Maintainers;

    /// <summary>The roles a new account may get: a maintainer's, or host (with a host id).</summary>
    public static IReadOnlyList<string> NewUserRoles => SafetyReports.ServiceDefaults.Security.Roles.All;

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        ShowDone(done);
        return await LoadAsync(cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var hostId = string.IsNullOrWhiteSpace(HostId) ? null : HostId.Trim();
        var result = await identity.CreateUserAsync(new CreateUserBody(Email?.Trim() ?? "", Password ?? "", Roles, hostId), cancellationToken);
        Password = null;
        if (result.IsOk)
        {
            return Redirect("/portal/admin/users?done=user_created");
        }

        return await ShowProblemAsync(result.Problem!, "email", "password", "roles", "hostId") ?? await LoadAsync(cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostRolesAsync(string? userId, CancellationToken cancellationToken) =>
        await FinishAsync(await identity.SetRolesAsync(userId, new RolesBody(Roles), cancellationToken), "roles_saved", cancellationToken);

    public async Task<IActionResult> OnPostLockAsync(string? userId, CancellationToken cancellationToken) =>
        await FinishAsync(await identity.LockAsync(userId, true, cancellationToken), "user_locked", cancellationToken);

    public async Task<IActionResult> OnPostUnlockAsync(string? userId, CancellationToken cancellationToken) =>
        await FinishAsync(await identity.LockAsync(userId, false, cancellationToken), "user_unlocked", cancellationToken);

    private async Task<IActionResult> FinishAsync(ApiResult<UserView> result, string done, CancellationToken cancellationToken)
    {
        if (result.IsOk)
        {
            return Redirect($"/portal/admin/users?done={done}");
        }

        // Field errors of a row's form (roles) have no input of their own on the page: they go to the alert.
        return await ShowProblemAsync(result.Problem!) ?? await LoadAsync(cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var users = await identity.ListUsersAsync(cancellationToken);
        if (!users.IsOk)
        {
            return await ShowProblemAsync(users.Problem!);
        }

        Users = users.Value!.Items.OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase).ToList();
        return null;
    }

    public static string RoleLabelKey(string role) => $"Role_{role}";
}
