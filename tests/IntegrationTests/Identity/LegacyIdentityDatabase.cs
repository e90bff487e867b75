using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using SafetyReports.Identity.Storage;
using SafetyReports.ServiceDefaults.Storage.Sqlite;

namespace SafetyReports.IntegrationTests.Identity;

/// <summary>
/// An identity.db as the first version of Identity left it: OpenIddict's tables only, created with
/// <c>EnsureCreated</c> from a context that had no users, and one client that version stored.
/// </summary>
internal static class LegacyIdentityDatabase
{
    public const string ClientId = "client-from-the-old-version";

    private sealed class OpenIddictOnlyContext(DbContextOptions<OpenIddictOnlyContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            base.OnModelCreating(modelBuilder);
            modelBuilder.UseOpenIddict();
        }
    }

    public static async Task CreateAsync(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        IdentityDatabase.CreateFileIfMissing(dataDirectory);
        var options = new DbContextOptionsBuilder<OpenIddictOnlyContext>().UseSqlite(IdentityDatabase.ConnectionString(dataDirectory)).Options;
        await using var db = new OpenIddictOnlyContext(options);
        await db.Database.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", TestContext.Current.CancellationToken);
        db.Set<OpenIddictEntityFrameworkCoreApplication>().Add(new OpenIddictEntityFrameworkCoreApplication
        {
            ClientId = ClientId,
            ClientType = "confidential",
            Permissions = "[\"ept:token\",\"gt:client_credentials\",\"scp:triage\"]",
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// An identity.db as the release before the migration journal left it: the model's create script (the same model as
    /// today's, which <c>IdentitySchemaTests</c> holds to migration 1), no journal, and a role a maintainer added.
    /// </summary>
    public static async Task CreatePreviousReleaseAsync(string dataDirectory, string role)
    {
        Directory.CreateDirectory(dataDirectory);
        IdentityDatabase.CreateFileIfMissing(dataDirectory);
        var options = new DbContextOptionsBuilder<IdentityDbContext>().UseSqlite(IdentityDatabase.ConnectionString(dataDirectory)).Options;
        await using var db = new IdentityDbContext(options);
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(IdentityDatabase.ConnectionString(dataDirectory));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        connection.Execute(null, "PRAGMA journal_mode=WAL;");
        connection.Execute(null, db.Database.GenerateCreateScript());
        connection.Execute(null, "INSERT INTO AspNetRoles (Id, Name, NormalizedName) VALUES ($id, $name, upper($name))", ("$id", Guid.NewGuid().ToString()), ("$name", role));
    }

    /// <summary>The versions the file's migration journal records.</summary>
    public static async Task<IReadOnlyList<int>> JournalAsync(string dataDirectory)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(IdentityDatabase.ConnectionString(dataDirectory));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return [.. SqliteMigrations.ReadJournal(connection).Select(j => j.Version)];
    }

    public static async Task<IReadOnlyList<string>> TableNamesAsync(string dataDirectory)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(IdentityDatabase.ConnectionString(dataDirectory));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
