using Microsoft.EntityFrameworkCore;

namespace SafetyReports.Identity.Storage;

/// <summary>
/// Identity's own database: OpenIddict's applications, authorizations, scopes and tokens. Portal
/// users (ASP.NET Core Identity) will join this context later by deriving it from
/// <c>Microsoft.AspNetCore.Identity.EntityFrameworkCore.IdentityDbContext&lt;TUser&gt;</c>.
/// </summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseOpenIddict();
    }
}
