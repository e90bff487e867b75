using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SafetyReports.ServiceDefaults.Storage;
using SafetyReports.ServiceDefaults.Storage.Sqlite;

namespace SafetyReports.Identity.Storage;

/// <summary>Where Identity's SQLite file lives and how its context is configured.</summary>
public static class IdentityDatabase
{
    public const string FileName = "identity.db";

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    public static string ConnectionString(string dataDirectory) => new SqliteConnectionStringBuilder
    {
        DataSource = PathIn(dataDirectory),
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public static void Configure(DbContextOptionsBuilder options, string dataDirectory)
    {
        options.UseSqlite(ConnectionString(dataDirectory));
        // Each host built in one process (Standalone, the integration tests) gets its own EF Core
        // internal service provider; that is expected here, not a leak worth failing over.
        options.ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning));
    }

    /// <summary>
    /// The file holds hashed client secrets: created readable by the owner only, and narrowed so if an earlier
    /// version left it readable to others (<see cref="OwnerOnlyFiles"/>). SQLite gives its -wal and -shm files the
    /// same mode. An empty file is a valid empty database.
    /// </summary>
    public static void CreateFileIfMissing(string dataDirectory) => OwnerOnlyFiles.SqliteDatabase(PathIn(dataDirectory));
}
