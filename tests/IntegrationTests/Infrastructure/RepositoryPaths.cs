namespace SafetyReports.IntegrationTests.Infrastructure;

public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build output of a service, in the configuration these tests were built with.</summary>
    public static string ServiceAssembly(string service)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var path = Path.Combine(Root, "services", service, "bin", configuration, "net10.0", $"SafetyReports.{service}.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the solution first: {path} is missing.");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SafetyReports.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("SafetyReports.sln not found above the test output.");
    }
}
