using System.Text.RegularExpressions;

namespace SafetyReports.IntegrationTests.Deployment;

/// <summary>The manifests and the deployment guide follow the topology table of docs/architecture.md (compose: ComposeFileTests).</summary>
[Trait("Speed", "Slow")]
public sealed partial class TopologyTests
{
    public static TheoryData<string> DeployedServices => new(Topology.ComposeServices.Select(r => r.Service));

    [Theory]
    [MemberData(nameof(DeployedServices))]
    public void Kubernetes_runs_the_service_on_the_port_of_the_topology(string service)
    {
        var manifest = File.ReadAllText(Path.Combine(RepositoryLayout.DeployDirectory, $"{service}.yaml"));

        var ports = ContainerPort().Matches(manifest).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal([Topology.Of(service).Port], ports.Distinct());
        Assert.Contains($"image: safetyreports/{service}:", manifest);
    }

    [Fact]
    public void The_deployment_guide_builds_Standalone_with_the_arguments_of_the_topology()
    {
        var standalone = Topology.Of("standalone");
        var guide = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "docs", "deployment.md"));

        Assert.Contains($"docker build --build-arg SERVICE={standalone.Project} --build-arg PORT={standalone.Port} ", guide);
        Assert.Contains($"docker run -p {standalone.Port}:{standalone.Port} ", guide);
    }

    [GeneratedRegex(@"containerPort:\s*(\d+)")]
    private static partial Regex ContainerPort();
}
