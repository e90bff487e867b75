using Microsoft.EntityFrameworkCore;

namespace SafetyReports.Identity.Storage;

/// <summary>
/// Identity's own database: the maintainers (ASP.NET Core Identity users and roles) and OpenIddict's
/// applications, authorizations, scopes and tokens. <see cref="IdentitySchema"/> brings a file up to date at start.
/// </summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options)
    : Microsoft.AspNetCore.Identity.EntityFrameworkCore.IdentityDbContext<IdentityUser, IdentityRole, string>(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseOpenIddict();
    }
}
