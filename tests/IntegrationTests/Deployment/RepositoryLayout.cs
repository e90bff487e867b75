namespace SafetyReports.IntegrationTests.Deployment;

/// <summary>Where the deployment files are, found from the test binaries up to the solution folder.</summary>
internal static class RepositoryLayout
{
    public static readonly string Root = FindRoot();

    public static string ComposeFile => Path.Combine(Root, "docker-compose.yml");

    public static string DeployDirectory => Path.Combine(Root, "deploy");

    /// <summary>The one image recipe; the build argument SERVICE names the project.</summary>
    public static string Dockerfile => Path.Combine(Root, "Dockerfile");

    public static string ArchitectureDoc => Path.Combine(Root, "docs", "architecture.md");

    public static string ProjectFile(string project) =>
        Path.Combine(Root, "services", project, $"SafetyReports.{project}.csproj");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SafetyReports.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains SafetyReports.sln.");
    }
}
