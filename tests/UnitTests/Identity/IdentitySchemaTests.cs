using Microsoft.EntityFrameworkCore;
using SafetyReports.Identity.Storage;

namespace SafetyReports.UnitTests.Identity;

public class IdentitySchemaTests
{
    [Fact]
    public void Every_table_and_index_is_created_only_when_missing()
    {
        const string script = """
            CREATE TABLE "AspNetRoles" (
                "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY
            );

            CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

            CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");
            """;

        var idempotent = IdentitySchema.MakeIdempotent(script);

        Assert.Contains("CREATE TABLE IF NOT EXISTS \"AspNetRoles\"", idempotent);
        Assert.Contains("CREATE INDEX IF NOT EXISTS \"IX_AspNetRoleClaims_RoleId\"", idempotent);
        Assert.Contains("CREATE UNIQUE INDEX IF NOT EXISTS \"RoleNameIndex\"", idempotent);
        Assert.Equal(idempotent, IdentitySchema.MakeIdempotent(idempotent));
    }

    [Fact]
    public void The_models_own_script_has_no_statement_left_that_fails_on_an_existing_object()
    {
        using var db = new IdentityDbContext(new DbContextOptionsBuilder<IdentityDbContext>().UseSqlite("Data Source=:memory:").Options);

        var idempotent = IdentitySchema.MakeIdempotent(db.Database.GenerateCreateScript());

        var creates = idempotent.Split('\n').Where(l => l.StartsWith("CREATE", StringComparison.Ordinal)).ToList();
        Assert.Contains(creates, l => l.Contains("\"AspNetUsers\"", StringComparison.Ordinal));
        Assert.Contains(creates, l => l.Contains("\"OpenIddictApplications\"", StringComparison.Ordinal));
        Assert.All(creates, l => Assert.Contains(" IF NOT EXISTS ", l));
    }
}
