using Microsoft.Extensions.Logging;

namespace SafetyReports.Identity.Users;

/// <summary>
/// Creates the roles, and the first admin from configuration while no admin exists. Once an admin
/// exists the configured one is left alone: changing its password in configuration changes nothing,
/// so a leaked start-up secret stops mattering once the admin has set their own.
/// </summary>
public sealed partial class AdminSeeder(UserManager<IdentityUser> users, RoleManager<IdentityRole> roles, ILogger<AdminSeeder> logger)
{
    public async Task SeedAsync(AdminSeedOptions admin, CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Ensure(await roles.CreateAsync(new IdentityRole(role)), $"create the role '{role}'");
            }
        }

        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }

        if (!admin.IsConfigured)
        {
            LogNoAdmin(IdentityServiceOptions.Section);
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var email = admin.Email!;
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            Ensure(await users.CreateAsync(user, admin.Password!), "create the configured admin");
        }

        // An existing maintainer with that e-mail is promoted; their own password stays.
        Ensure(await users.AddToRoleAsync(user, Roles.Admin), "give the configured admin the admin role");
        LogSeeded(user.Id);
    }

    private static void Ensure(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the first admin (user {UserId}) from configuration")]
    private partial void LogSeeded(string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No admin exists and none is configured ({Section}:Admin:Email and :Password): nobody can manage maintainers")]
    private partial void LogNoAdmin(string section);
}
