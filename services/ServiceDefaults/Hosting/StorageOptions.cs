namespace SafetyReports.ServiceDefaults.Hosting;

public enum StorageProvider
{
    Sqlite,
    MongoDb,
}

/// <summary>Bound from <c>SafetyReports:Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "SafetyReports:Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    public string DataDirectory { get; set; } = "./data";

    /// <summary>From <c>ConnectionStrings:MongoDb</c>.</summary>
    public string? MongoDbConnectionString { get; set; }

    public string ResolveDataDirectory()
    {
        var full = Path.GetFullPath(DataDirectory);
        Directory.CreateDirectory(full);
        return full;
    }
}
