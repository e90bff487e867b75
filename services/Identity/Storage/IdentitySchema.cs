using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SafetyReports.ServiceDefaults.Storage.Sqlite;

namespace SafetyReports.Identity.Storage;

/// <summary>
/// Identity's database schema as migrations (<see cref="SqliteMigrations"/>, the runner every SQLite store uses), run over
/// the context's own connection at start. Version 1 is the model's create script of the release of 2026-11-29
/// (<see cref="IdentityBaseline"/>). Files made before the journal are adopted: one from that release has everything; one
/// from the first version (made by <c>EnsureCreated</c> with OpenIddict's tables only) first gains the users and roles
/// tables and their indexes, keeping its clients and tokens.
/// </summary>
public static class IdentitySchema
{
    public static SqliteMigrations Migrations { get; } = new(
    [
        SqliteMigration.Sql(1, "release of 2026-11-29", IdentityBaseline.Schema),
    ]);

    /// <summary>Brings the database up to date under its write lock (one transaction: two processes starting at once take turns).</summary>
    public static async Task<SqliteMigrationRun> MigrateAsync(DbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return Migrations.Run((SqliteConnection)db.Database.GetDbConnection());
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
