using Microsoft.AspNetCore.Mvc;
using SafetyReports.Portal.Api;
using SafetyReports.ServiceDefaults.Security;

namespace SafetyReports.Portal.Pages.Portal.Admin;

/// <summary><c>/portal/admin/users</c>: maintainers' accounts in Identity: create, change roles, lock and unlock.</summary>
public sealed class UsersModel(IdentityClient identity) : PortalPageModel
{
    public IReadOnlyList<UserView> Users { get; private set; } = [];

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    public static IReadOnlyList<string> AllRoles => SafetyReports.ServiceDefaults.Security.Roles.All;

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        ShowDone(done);
        return await LoadAsync(cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var result = await identity.CreateUserAsync(new CreateUserBody(Email?.Trim() ?? "", Password ?? "", Roles), cancellationToken);
        Password = null;
        if (result.IsOk)
        {
            return Redirect("/portal/admin/users?done=user_created");
        }

        return await ShowProblemAsync(result.Problem!, "email", "password", "roles") ?? await LoadAsync(cancellationToken) ?? Page();
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

    public static string RoleLabelKey(string role) => role == SafetyReports.ServiceDefaults.Security.Roles.Admin ? "Role_admin" : "Role_triager";
}
