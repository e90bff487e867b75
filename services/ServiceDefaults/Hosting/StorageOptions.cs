using SafetyReports.ServiceDefaults.Storage;

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

    /// <summary>The storage keys of the configuration contract, read once while a module registers its store.</summary>
    public static StorageOptions FromConfiguration(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<StorageOptions>() ?? new StorageOptions();
        options.MongoDbConnectionString = configuration.GetConnectionString("MongoDb") ?? options.MongoDbConnectionString;
        return options;
    }

    public string ResolveDataDirectory()
    {
        return OwnerOnlyFiles.Folder(DataDirectory);
    }
}
