using YamlDotNet.RepresentationModel;

namespace SafetyReports.IntegrationTests.Deployment;

/// <summary>The manifests under deploy/ describe a multi-node deployment that can actually start.</summary>
[Trait("Speed", "Slow")]
public sealed class KubernetesManifestTests
{
    private sealed record Manifest(string File, YamlMappingNode Document)
    {
        public string? Kind => Document.TextAt("kind");

        public string? Name => Document.TextAt("metadata.name");

        public YamlNode? PodSpec => Document.At("spec.template.spec");

        public IEnumerable<YamlNode> Containers(bool includeInit = false) =>
            PodSpec.Child("containers").Items().Concat(includeInit ? PodSpec.Child("initContainers").Items() : []);

        public override string ToString() => $"{Kind} {Name} ({File})";
    }

    private static readonly IReadOnlyList<Manifest> Manifests = LoadManifests();

    private static readonly string[] WorkloadKinds = ["Deployment", "StatefulSet", "DaemonSet", "Job"];

    public static TheoryData<string> ApplicationServices => new() { "identity", "intake", "triage", "notification", "portal" };

    public static TheoryData<string> ScaledOutServices => new() { "intake", "triage", "notification" };

    [Fact]
    public void Deploy_folder_holds_manifests()
    {
        Assert.NotEmpty(Manifests);
    }

    [Fact]
    public void Every_manifest_names_its_api_version_and_kind()
    {
        var incomplete = Manifests
            .Where(m => string.IsNullOrEmpty(m.Document.TextAt("apiVersion")) || string.IsNullOrEmpty(m.Kind)
                || (m.Kind != "Kustomization" && string.IsNullOrEmpty(m.Name)))
            .Select(m => m.ToString())
            .ToList();

        Assert.Empty(incomplete);
    }

    [Fact]
    public void Every_Deployment_container_has_readiness_and_liveness_probes_and_resources()
    {
        var deployments = Manifests.Where(m => m.Kind == "Deployment").ToList();
        Assert.NotEmpty(deployments);

        var problems = new List<string>();
        foreach (var deployment in deployments)
        {
            var containers = deployment.Containers().ToList();
            if (containers.Count == 0)
            {
                problems.Add($"{deployment}: no containers");
            }

            foreach (var container in containers)
            {
                var where = $"{deployment} container {container.TextAt("name")}";
                if (container.Child("readinessProbe") is null) problems.Add($"{where}: no readinessProbe");
                if (container.Child("livenessProbe") is null) problems.Add($"{where}: no livenessProbe");
                problems.AddRange(ResourceProblems(where, container));
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Every_workload_container_requests_resources_and_caps_memory()
    {
        var problems = Manifests
            .Where(m => WorkloadKinds.Contains(m.Kind))
            .SelectMany(w => w.Containers(includeInit: true).SelectMany(c => ResourceProblems($"{w} container {c.TextAt("name")}", c)))
            .ToList();

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(ApplicationServices))]
    public void Service_probes_readiness_and_liveness_on_its_health_endpoints(string service)
    {
        var container = Assert.Single(Deployment(service).Containers());

        Assert.Equal("/health/ready", container.TextAt("readinessProbe.httpGet.path"));
        Assert.Equal("/health/live", container.TextAt("livenessProbe.httpGet.path"));
    }

    [Theory]
    [MemberData(nameof(ScaledOutServices))]
    public void Service_runs_at_least_two_replicas(string service)
    {
        var replicas = Deployment(service).Document.TextAt("spec.replicas");

        Assert.True(int.TryParse(replicas, out var count) && count >= 2, $"{service} has replicas '{replicas}', needs at least 2.");
    }

    [Fact]
    public void Identity_runs_one_replica_on_a_persistent_volume_and_is_replaced_not_rolled()
    {
        var identity = Deployment("identity");
        var container = Assert.Single(identity.Containers());
        var claims = identity.PodSpec.Child("volumes").Items()
            .Where(v => v.Child("persistentVolumeClaim") is not null)
            .ToDictionary(v => v.TextAt("name")!, v => v.TextAt("persistentVolumeClaim.claimName")!);
        var dataMount = container.Child("volumeMounts").Items().FirstOrDefault(m => m.TextAt("mountPath") == "/data");

        Assert.Equal("1", identity.Document.TextAt("spec.replicas"));
        Assert.Equal("Recreate", identity.Document.TextAt("spec.strategy.type"));
        Assert.NotNull(dataMount);
        Assert.True(claims.TryGetValue(dataMount.TextAt("name")!, out var claim), "identity's /data is not a persistent volume.");
        Assert.Contains(Manifests, m => m.Kind == "PersistentVolumeClaim" && m.Name == claim);
    }

    [Fact]
    public void Intake_and_Triage_share_a_ReadWriteMany_Data_Protection_key_volume()
    {
        var intakeClaim = KeysClaim("intake");
        var triageClaim = KeysClaim("triage");
        var claim = Assert.Single(Manifests, m => m.Kind == "PersistentVolumeClaim" && m.Name == intakeClaim);

        Assert.Equal(intakeClaim, triageClaim);
        Assert.Contains("ReadWriteMany", claim.Document.At("spec.accessModes").Texts());
    }

    [Fact]
    public void MongoDb_is_a_three_member_replica_set()
    {
        var mongo = Assert.Single(Manifests, m => m.Kind == "StatefulSet" && m.Name == "mongo");
        var mongod = mongo.Containers().First();

        Assert.Equal("3", mongo.Document.TextAt("spec.replicas"));
        Assert.Contains("--replSet", mongod.Child("args").Texts().Concat(mongod.Child("command").Texts()));
        Assert.NotNull(mongod.Child("readinessProbe"));
        Assert.NotNull(mongod.Child("livenessProbe"));
    }

    [Fact]
    public void RabbitMq_is_a_cluster_of_at_least_three_nodes()
    {
        var rabbitMq = Assert.Single(Manifests, m =>
            (m.Kind == "StatefulSet" && m.Name == "rabbitmq") || m.Kind == "RabbitmqCluster");
        var replicas = rabbitMq.Document.TextAt("spec.replicas");

        Assert.True(int.TryParse(replicas, out var count) && count >= 3, $"RabbitMQ has replicas '{replicas}', needs at least 3.");
    }

    [Fact]
    public void ConfigMap_carries_the_configuration_contract()
    {
        var config = Assert.Single(Manifests, m => m.Kind == "ConfigMap" && m.Name == "safetyreports-config");
        var data = config.Document.Child("data");

        Assert.Equal("RabbitMq", data.TextAt("SafetyReports__Bus__Transport"));
        Assert.Equal("MongoDb", data.TextAt("SafetyReports__Storage__Provider"));
        Assert.False(string.IsNullOrWhiteSpace(data.TextAt("SafetyReports__Identity__Issuer")));
    }

    [Fact]
    public void Every_Service_selects_the_pods_of_a_workload()
    {
        var podLabels = Manifests
            .Where(m => WorkloadKinds.Contains(m.Kind))
            .Select(m => m.Document.At("spec.template.metadata.labels").Entries().ToDictionary(e => e.Key, e => e.Value.Text()))
            .ToList();
        var orphans = Manifests
            .Where(m => m.Kind == "Service")
            .Where(s => !podLabels.Any(labels => s.Document.At("spec.selector").Entries()
                .All(e => labels.TryGetValue(e.Key, out var value) && value == e.Value.Text())))
            .Select(s => s.ToString())
            .ToList();

        Assert.Empty(orphans);
    }

    [Fact]
    public void Every_referenced_Secret_ConfigMap_and_claim_is_defined()
    {
        var missing = new List<string>();
        foreach (var workload in Manifests.Where(m => WorkloadKinds.Contains(m.Kind)))
        {
            foreach (var node in workload.Document.Descendants())
            {
                if (node.Child("secretKeyRef") is { } secretKey)
                {
                    Check(workload, "Secret", secretKey.TextAt("name"), secretKey.TextAt("key"));
                }

                if (node.Child("configMapKeyRef") is { } configKey)
                {
                    Check(workload, "ConfigMap", configKey.TextAt("name"), configKey.TextAt("key"));
                }

                if (node.Child("configMapRef") is { } configRef)
                {
                    Check(workload, "ConfigMap", configRef.TextAt("name"), null);
                }

                if (node.Child("secret") is { } secretVolume && secretVolume.TextAt("secretName") is { } secretName)
                {
                    Check(workload, "Secret", secretName, null);
                    foreach (var item in secretVolume.Child("items").Items())
                    {
                        Check(workload, "Secret", secretName, item.TextAt("key"));
                    }
                }

                if (node.Child("configMap") is { } configVolume && configVolume.TextAt("name") is { } configName)
                {
                    Check(workload, "ConfigMap", configName, null);
                }

                if (node.Child("persistentVolumeClaim") is { } claim)
                {
                    Check(workload, "PersistentVolumeClaim", claim.TextAt("claimName"), null);
                }
            }
        }

        Assert.Empty(missing);

        void Check(Manifest workload, string kind, string? name, string? key)
        {
            var target = Manifests.FirstOrDefault(m => m.Kind == kind && m.Name == name);
            if (target is null)
            {
                missing.Add($"{workload}: {kind} '{name}' is not defined under deploy/");
            }
            else if (key is not null && target.Document.Child("data").Child(key) is null && target.Document.Child("stringData").Child(key) is null)
            {
                missing.Add($"{workload}: {kind} '{name}' has no key '{key}'");
            }
        }
    }

    [Fact]
    public void Kustomization_applies_every_manifest_except_the_Secret_template()
    {
        var kustomization = Path.Combine(RepositoryLayout.DeployDirectory, "kustomization.yaml");
        var listed = YamlNavigation.LoadSingleDocument(kustomization).Child("resources").Texts().ToHashSet();
        var manifestFiles = Manifests
            .Where(m => m.Kind != "Kustomization")
            .Select(m => m.File)
            .Distinct()
            .Where(f => !f.Contains(".example.", StringComparison.Ordinal))
            .ToHashSet();

        Assert.DoesNotContain(listed, f => !File.Exists(Path.Combine(RepositoryLayout.DeployDirectory, f)));
        Assert.Empty(manifestFiles.Except(listed));
        Assert.DoesNotContain(listed, f => f.Contains(".example.", StringComparison.Ordinal));
    }

    private static IEnumerable<string> ResourceProblems(string where, YamlNode container)
    {
        var resources = container.Child("resources");
        if (string.IsNullOrEmpty(resources.TextAt("requests.cpu"))) yield return $"{where}: no CPU request";
        if (string.IsNullOrEmpty(resources.TextAt("requests.memory"))) yield return $"{where}: no memory request";
        if (string.IsNullOrEmpty(resources.TextAt("limits.memory"))) yield return $"{where}: no memory limit";
    }

    private static Manifest Deployment(string name) =>
        Assert.Single(Manifests, m => m.Kind == "Deployment" && m.Name == name);

    private static string KeysClaim(string service)
    {
        var deployment = Deployment(service);
        var container = Assert.Single(deployment.Containers());
        var keysDirectory = container.Child("env").Items()
            .FirstOrDefault(e => e.TextAt("name") == "SafetyReports__DataProtection__KeysDirectory")
            .TextAt("value");
        Assert.False(string.IsNullOrEmpty(keysDirectory), $"{service} should set SafetyReports__DataProtection__KeysDirectory.");
        var volumeName = container.Child("volumeMounts").Items()
            .FirstOrDefault(m => m.TextAt("mountPath") == keysDirectory)
            .TextAt("name");
        var claim = deployment.PodSpec.Child("volumes").Items()
            .FirstOrDefault(v => v.TextAt("name") == volumeName)
            .TextAt("persistentVolumeClaim.claimName");
        Assert.False(string.IsNullOrEmpty(claim), $"{service}'s {keysDirectory} should be a persistent volume claim.");
        return claim;
    }

    private static List<Manifest> LoadManifests()
    {
        var directory = RepositoryLayout.DeployDirectory;
        return Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(f => YamlNavigation.LoadDocuments(f).Select(d => new Manifest(Path.GetRelativePath(directory, f).Replace('\\', '/'), d)))
            .ToList();
    }
}
