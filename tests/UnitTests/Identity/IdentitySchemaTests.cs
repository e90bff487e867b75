using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SafetyReports.Identity.Storage;
using SafetyReports.ServiceDefaults.Storage.Sqlite;

namespace SafetyReports.UnitTests.Identity;

public class IdentitySchemaTests
{
    [Fact]
    public void The_migrations_make_the_schema_the_model_has_today()
    {
        // Fails when a package upgrade or a model change alters the create script: that change needs a new migration.
        using var db = new IdentityDbContext(new DbContextOptionsBuilder<IdentityDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var model = Empty();
        model.Execute(null, db.Database.GenerateCreateScript());
        using var migrated = Empty();

        var run = IdentitySchema.Migrations.Run(migrated);

        Assert.Equal([1], run.Applied);
        Assert.Equal(SqliteSchemaShape.Read(model, null).Describe(), SqliteSchemaShape.Read(migrated, null).Describe());
    }

    private static SqliteConnection Empty()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }
}
