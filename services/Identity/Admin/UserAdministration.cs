using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SafetyReports.Identity.Storage;

namespace SafetyReports.Identity.Admin;

/// <summary>
/// Managing users for the admin API: create (maintainers, and host users bound to one host id), change roles, lock and
/// unlock. Changes that could remove the last active admin run one at a time (<see cref="AdminChangeLock"/>) and are
/// refused by <see cref="LastAdminRule"/>.
/// </summary>
public sealed class UserAdministration(UserManager<IdentityUser> users, IdentityDbContext db, AdminChangeLock changeLock, TimeProvider time)
{
    public async Task<IReadOnlyList<UserView>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await users.Users.OrderBy(u => u.NormalizedEmail).ToListAsync(cancellationToken);
        var views = new List<UserView>(all.Count);
        foreach (var user in all)
        {
            views.Add(await ViewAsync(user));
        }

        return views;
    }

    public async Task<AdminOutcome<UserView>> CreateAsync(CreateUserRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (UserRules.CheckEmail(request.Email) is { } emailError)
        {
            errors["email"] = [emailError];
        }

        if (PasswordPolicy.Check(request.Password, request.Email) is { Count: > 0 } passwordErrors)
        {
            errors["password"] = [.. passwordErrors];
        }

        if (UserRules.CheckRoles(request.Roles) is { } rolesError)
        {
            errors["roles"] = [rolesError];
        }
        else
        {
            foreach (var (field, messages) in UserRules.FindHostErrors(request.Roles!, request.HostId))
            {
                errors[field] = messages;
            }
        }

        if (errors.Count > 0)
        {
            return AdminOutcome<UserView>.Invalid(errors);
        }

        if (await users.FindByEmailAsync(request.Email!) is not null)
        {
            return AdminOutcome<UserView>.Conflict("A user with this e-mail already exists.");
        }

        // The account, its roles and its host id are written together: never a host user without its host.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = new IdentityUser { UserName = request.Email, Email = request.Email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            // A concurrent create of the same e-mail loses here, on the unique user name.
            return created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail))
                ? AdminOutcome<UserView>.Conflict("A user with this e-mail already exists.")
                : throw new InvalidOperationException($"Creating a user failed: {string.Join(" ", created.Errors.Select(e => e.Code))}");
        }

        Ensure(await users.AddToRolesAsync(user, UserRules.Normalize(request.Roles!)));
        if (request.HostId is not null)
        {
            Ensure(await users.AddClaimAsync(user, new Claim(Scopes.HostIdClaim, request.HostId)));
        }

        await transaction.CommitAsync();
        return AdminOutcome<UserView>.Created(await ViewAsync(user));
    }

    public async Task<AdminOutcome<UserView>> SetRolesAsync(string id, SetRolesRequest request, CancellationToken cancellationToken)
    {
        if (UserRules.CheckRoles(request.Roles) is { } rolesError)
        {
            return AdminOutcome<UserView>.Invalid(new Dictionary<string, string[]> { ["roles"] = [rolesError] });
        }

        var wanted = UserRules.Normalize(request.Roles!);
        if (await users.FindByIdAsync(id) is { } existing && UserRules.CheckRoleChange(await users.GetRolesAsync(existing), wanted) is { } changeError)
        {
            return AdminOutcome<UserView>.Invalid(new Dictionary<string, string[]> { ["roles"] = [changeError] });
        }

        return await ChangeAsync(id, wanted.Contains(Roles.Admin), staysUnlocked: true, async user =>
        {
            var current = await users.GetRolesAsync(user);
            Ensure(await users.RemoveFromRolesAsync(user, current.Except(wanted, StringComparer.Ordinal)));
            Ensure(await users.AddToRolesAsync(user, wanted.Except(current, StringComparer.Ordinal)));
        }, cancellationToken);
    }

    /// <summary>Locked until unlocked; the user's next token request and sign-in are refused.</summary>
    public Task<AdminOutcome<UserView>> LockAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, staysAdmin: null, staysUnlocked: false, async user =>
        {
            Ensure(await users.SetLockoutEnabledAsync(user, true));
            Ensure(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
            Ensure(await users.UpdateSecurityStampAsync(user));
        }, cancellationToken);

    public Task<AdminOutcome<UserView>> UnlockAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, staysAdmin: null, staysUnlocked: true, async user =>
        {
            Ensure(await users.SetLockoutEndDateAsync(user, null));
            Ensure(await users.ResetAccessFailedCountAsync(user));
        }, cancellationToken);

    private async Task<AdminOutcome<UserView>> ChangeAsync(string id, bool? staysAdmin, bool staysUnlocked, Func<IdentityUser, Task> change, CancellationToken cancellationToken)
    {
        using var _ = await changeLock.EnterAsync(cancellationToken);
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return AdminOutcome<UserView>.NotFound("No user with this id.");
        }

        var isAdmin = await users.IsInRoleAsync(user, Roles.Admin);
        var isActiveAdmin = isAdmin && !await users.IsLockedOutAsync(user);
        var remainsActiveAdmin = (staysAdmin ?? isAdmin) && staysUnlocked;
        if (LastAdminRule.WouldRemoveLastAdmin(await CountActiveAdminsAsync(), isActiveAdmin, remainsActiveAdmin))
        {
            return AdminOutcome<UserView>.Conflict(LastAdminRule.Refusal);
        }

        await change(user);
        return AdminOutcome<UserView>.Ok(await ViewAsync(user));
    }

    private async Task<int> CountActiveAdminsAsync()
    {
        var now = time.GetUtcNow();
        return (await users.GetUsersInRoleAsync(Roles.Admin)).Count(u => u.LockoutEnd is null || u.LockoutEnd <= now);
    }

    private async Task<UserView> ViewAsync(IdentityUser user) => new(
        user.Id,
        user.Email ?? string.Empty,
        [.. (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal)],
        await users.IsLockedOutAsync(user),
        await HostUsers.HostIdOfAsync(users, user));

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"A user change failed: {string.Join(" ", result.Errors.Select(e => e.Code))}");
        }
    }
}
