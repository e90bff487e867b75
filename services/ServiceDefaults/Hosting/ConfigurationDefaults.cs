namespace SafetyReports.ServiceDefaults.Hosting;

public static class ConfigurationDefaults
{
    /// <summary>
    /// Adds values that every other source (appsettings, environment, command line) overrides:
    /// a host's own defaults, such as Standalone's in-memory bus.
    /// </summary>
    public static void AddLowestPriorityDefaults(this IConfigurationBuilder configuration, IDictionary<string, string?> defaults)
    {
        configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData = defaults,
        });
    }
}
