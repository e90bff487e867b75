using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

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
    /// The file holds hashed client secrets: create it readable by the owner only. SQLite gives its
    /// -wal and -shm files the same mode. An empty file is a valid empty database.
    /// </summary>
    public static void CreateFileIfMissing(string dataDirectory)
    {
        var path = PathIn(dataDirectory);
        if (File.Exists(path))
        {
            return;
        }

        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var _ = new FileStream(path, options);
    }
}
