using SafetyReports.ServiceDefaults.Storage.Sqlite;

namespace SafetyReports.ServiceDefaults.Storage;

/// <summary>
/// Data folders and store files readable by the service's own user only (Unix: folders 0700, files 0600): they hold
/// reports, contact details (encrypted), session tickets and hashed secrets. New ones are created so; ones an earlier
/// version left readable to others are narrowed at start. Windows keeps its ACLs.
/// </summary>
public static class OwnerOnlyFiles
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>SQLite's companions of a database file; it gives them the database file's mode when it creates them.</summary>
    private static readonly string[] SqliteCompanions = ["-wal", "-shm", "-journal"];

    /// <summary>Creates the folder (and missing parents) owner-only, or makes an existing one so; returns its full path.</summary>
    public static string Folder(string path)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(full);
        }
        else if (Directory.Exists(full))
        {
            Narrow(full, FolderMode);
        }
        else
        {
            Directory.CreateDirectory(full, FolderMode);
        }

        return full;
    }

    /// <summary>A folder of key files: the folder as <see cref="Folder"/>, and every file directly in it narrowed.</summary>
    public static string FolderWithFiles(string path)
    {
        var full = Folder(path);
        if (!OperatingSystem.IsWindows())
        {
            foreach (var file in Directory.EnumerateFiles(full))
            {
                Narrow(file, FileMode);
            }
        }

        return full;
    }

    /// <summary>
    /// Before SQLite opens <paramref name="databasePath"/>: its folder owner-only, the file created empty and
    /// owner-only when missing (an empty file is an empty database), and it and its companions narrowed otherwise.
    /// </summary>
    public static void SqliteDatabase(string databasePath)
    {
        Folder(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (!File.Exists(databasePath))
        {
            try
            {
                using var _ = new FileStream(databasePath, new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileMode });
            }
            catch (IOException) when (File.Exists(databasePath))
            {
                // Another process or store created it first; it is narrowed below like any existing file.
            }
        }

        foreach (var path in SqliteCompanions.Select(suffix => databasePath + suffix).Prepend(databasePath))
        {
            if (File.Exists(path))
            {
                Narrow(path, FileMode);
            }
        }
    }

    /// <summary>A secret file that exists (a signing key): narrowed to its owner if an earlier version or a person widened it.</summary>
    public static void ExistingFile(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path))
        {
            Narrow(path, FileMode);
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void Narrow(string path, UnixFileMode mode)
    {
        try
        {
            if ((File.GetUnixFileMode(path) & ~mode) != 0)
            {
                File.SetUnixFileMode(path, File.GetUnixFileMode(path) & mode);
            }
        }
        catch (UnauthorizedAccessException)
        {
            // Owned by another user (a volume mounted as root, say): its owner decides; the service still works.
        }
    }
}
