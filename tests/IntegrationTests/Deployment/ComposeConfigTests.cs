using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Deployment;

/// <summary>docker-compose itself accepts the compose file (interpolation, schema, references).</summary>
public sealed class ComposeConfigTests
{
    [Fact]
    public async Task Docker_compose_accepts_the_compose_file()
    {
        var compose = ExternalCommand.RequireTool("docker-compose", "docker-compose", "docker-compose.yml was not validated");

        var run = await ExternalCommand.RunAsync(compose, ["-f", RepositoryLayout.ComposeFile, "config"],
            TimeSpan.FromMinutes(2), RepositoryLayout.Root);

        Assert.True(run.ExitCode == 0, $"docker-compose config failed: {run}");
        Assert.Contains("intake:", run.Output);
    }
}
