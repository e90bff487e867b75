using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Deployment;

/// <summary>yamllint (Debian package yamllint) accepts the Kubernetes manifests, with deploy/.yamllint's rules, warnings included.</summary>
[Trait("Speed", "Slow")]
public sealed class YamlLintTests
{
    [Fact]
    public async Task Yamllint_accepts_the_Kubernetes_manifests()
    {
        var yamllint = ExternalCommand.RequireTool("yamllint", "yamllint", "deploy/ was not linted");

        var run = await ExternalCommand.RunAsync(yamllint,
            ["--strict", "-f", "parsable", "-c", Path.Combine("deploy", ".yamllint"), "deploy"],
            TimeSpan.FromMinutes(1), RepositoryLayout.Root);

        Assert.True(run.ExitCode == 0, $"yamllint failed: {run}");
    }
}
