using SafetyReports.Identity.Storage;

namespace SafetyReports.Identity.Users;

/// <summary>
/// The maintainers' accounts: ASP.NET Core Identity users and roles in <see cref="IdentityDbContext"/>.
/// Only the core services: <c>AddIdentity</c> would make its cookie the default scheme of the whole
/// process, and in Standalone the APIs share this process and must keep bearer tokens as the default.
/// </summary>
public static class MaintainerAccounts
{
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public const int MaxFailedAttempts = 5;

    public static IServiceCollection AddMaintainerAccounts(this IServiceCollection services)
    {
        services.AddIdentityCore<IdentityUser>(ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<IdentityDbContext>()
            .AddSignInManager()
            .AddPasswordValidator<PolicyPasswordValidator>();
        services.AddScoped<AdminSeeder>();
        services.AddSingleton<DecoyPasswordHash>();
        return services;
    }

    public static void ConfigureIdentity(IdentityOptions options)
    {
        // The whole rule is PasswordPolicy (length, not the e-mail); Identity's composition rules stay off.
        options.Password.RequiredLength = 0;
        options.Password.RequiredUniqueChars = 0;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;

        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
        options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;

        // The user name is the e-mail; UserRules checks its form, so Identity's character list is not needed.
        options.User.RequireUniqueEmail = true;
        options.User.AllowedUserNameCharacters = string.Empty;
        options.SignIn.RequireConfirmedAccount = false;
        options.SignIn.RequireConfirmedEmail = false;
    }
}
