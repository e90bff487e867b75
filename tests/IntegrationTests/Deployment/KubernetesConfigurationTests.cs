using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace SafetyReports.IntegrationTests.Deployment;

/// <summary>
/// Every service's configuration keys reach its container in deploy/: the environment a container gets
/// (its ConfigMap through envFrom plus its own env) holds what that service needs, every $(VAR) a value
/// refers to is defined, and every SafetyReports key set is one the configuration contract documents
/// (a misspelt key would be ignored silently).
/// </summary>
[Trait("Speed", "Slow")]
public sealed partial class KubernetesConfigurationTests
{
    private static readonly string[] Common =
    [
        "ASPNETCORE_HTTP_PORTS", "SafetyReports__Identity__Issuer", "SafetyReports__Storage__DataDirectory",
        "SafetyReports__Hosting__ForwardedHeaders__KnownNetworks__0",
    ];

    private static readonly string[] BusAndStore =
    [
        "SafetyReports__Bus__Transport", "ConnectionStrings__RabbitMq", "SafetyReports__Bus__SigningKey",
        "SafetyReports__Bus__Tls__CaCertificatePath", "SafetyReports__Storage__Provider",
        "ConnectionStrings__MongoDb", "SafetyReports__DataProtection__KeysDirectory",
    ];

    public static TheoryData<string, string[]> RequiredKeys => new()
    {
        { "identity", [.. Common, "SafetyReports__Identity__Admin__Email", "SafetyReports__Identity__Admin__Password",
            "SafetyReports__Identity__Clients__0__ClientId", "SafetyReports__Identity__Clients__0__ClientSecret", "SafetyReports__Identity__Clients__0__Scopes__0"] },
        { "intake", [.. Common, .. BusAndStore, "SafetyReports__Intake__TransparencySource"] },
        { "triage", [.. Common, .. BusAndStore] },
        { "notification", [.. Common, .. BusAndStore, "SafetyReports__Notification__AllowPrivateNetworkTargets"] },
        { "portal", [.. Common, "SafetyReports__Portal__ClientId", "SafetyReports__Portal__ClientSecret",
            "SafetyReports__Portal__TriageApi", "SafetyReports__Portal__NotificationApi", "SafetyReports__Portal__IdentityApi",
            "SafetyReports__DataProtection__KeysDirectory", "SafetyReports__Storage__Provider", "ConnectionStrings__MongoDb"] },
    };

    [Theory]
    [MemberData(nameof(RequiredKeys))]
    public void Service_container_gets_every_key_it_needs(string service, string[] keys)
    {
        var environment = Environment(Container(service)).Select(e => e.Name).ToHashSet();

        var missing = keys.Where(k => !environment.Contains(k)).ToList();

        Assert.True(missing.Count == 0, $"{service} does not get: {string.Join(", ", missing)}");
    }

    [Theory]
    [InlineData("intake")]
    [InlineData("triage")]
    [InlineData("notification")]
    public void Scaled_service_uses_the_broker_and_MongoDB(string service)
    {
        var environment = Environment(Container(service)).GroupBy(e => e.Name).ToDictionary(g => g.Key, g => g.Last().Value);

        Assert.Equal("RabbitMq", environment["SafetyReports__Bus__Transport"]);
        Assert.Equal("MongoDb", environment["SafetyReports__Storage__Provider"]);
        Assert.StartsWith("amqps://", environment["ConnectionStrings__RabbitMq"]);
        Assert.StartsWith("mongodb://", environment["ConnectionStrings__MongoDb"]);
        Assert.Contains("replicaSet=", environment["MONGODB_OPTIONS"]);
    }

    [Theory]
    [InlineData("intake")]
    [InlineData("triage")]
    [InlineData("notification")]
    public void Scaled_service_signs_with_a_key_from_a_Secret_and_trusts_the_brokers_CA_from_a_read_only_mount(string service)
    {
        var container = Container(service);
        var signingKey = container.Child("env").Items().Single(e => e.TextAt("name") == "SafetyReports__Bus__SigningKey");
        var caPath = Environment(container).Last(e => e.Name == "SafetyReports__Bus__Tls__CaCertificatePath").Value;

        Assert.Null(signingKey.TextAt("value"));
        Assert.False(string.IsNullOrEmpty(signingKey.TextAt("valueFrom.secretKeyRef.name")));
        Assert.NotNull(caPath);
        Assert.Contains(container.Child("volumeMounts").Items(), m =>
            caPath.StartsWith(m.TextAt("mountPath") + "/", StringComparison.Ordinal) && m.TextAt("readOnly") == "true");
    }

    [Fact]
    public void Replicas_share_the_portals_sessions_and_intakes_rate_limit_windows_through_MongoDB()
    {
        var portal = Environment(Container("portal")).GroupBy(e => e.Name).ToDictionary(g => g.Key, g => g.Last().Value);
        var intake = Environment(Container("intake")).GroupBy(e => e.Name).ToDictionary(g => g.Key, g => g.Last().Value);

        Assert.Equal("MongoDb", portal["SafetyReports__Storage__Provider"]);
        Assert.StartsWith("mongodb://", portal["ConnectionStrings__MongoDb"]);
        Assert.Equal("MongoDb", intake["SafetyReports__Intake__RateLimit__Counters"]);
    }

    [Fact]
    public void Every_variable_reference_in_a_value_is_defined_before_it()
    {
        var problems = new List<string>();
        foreach (var (name, container) in ApplicationContainers())
        {
            var defined = new HashSet<string>();
            foreach (var (key, value) in Environment(container))
            {
                problems.AddRange(Reference().Matches(value ?? "").Select(m => m.Groups[1].Value)
                    .Where(v => !defined.Contains(v))
                    .Select(v => $"{name}: {key} refers to $({v}), which is not defined before it"));
                defined.Add(key);
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void No_service_believes_forwarded_headers_from_every_address()
    {
        // ASPNETCORE_FORWARDEDHEADERS_ENABLED clears ASP.NET Core's known proxies: any pod could claim any client.
        var believingAll = ApplicationContainers()
            .Where(c => Environment(c.Container).Any(e => e.Name == "ASPNETCORE_FORWARDEDHEADERS_ENABLED"))
            .Select(c => c.Name)
            .ToList();

        Assert.Empty(believingAll);
    }

    [Fact]
    public void Every_SafetyReports_key_set_is_in_the_documented_configuration_contract()
    {
        var documentation = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "README.md"))
            + File.ReadAllText(Path.Combine(RepositoryLayout.Root, "docs", "configuration.md"))
            + File.ReadAllText(Path.Combine(RepositoryLayout.Root, "docs", "deployment.md"));
        var undocumented = ApplicationContainers()
            .SelectMany(c => Environment(c.Container).Select(e => e.Name))
            .Where(k => k.StartsWith("SafetyReports__", StringComparison.Ordinal) || k.StartsWith("ConnectionStrings__", StringComparison.Ordinal))
            .Distinct()
            .Where(k => !IsDocumented(k, documentation))
            .ToList();

        Assert.Empty(undocumented);
    }

    /// <summary>Documented as the whole key (indices as N) or, in the tables' shorthand, as "…:" and its last segments.</summary>
    private static bool IsDocumented(string key, string documentation)
    {
        var segments = key.Split("__").Select(s => s.All(char.IsDigit) ? "N" : s).ToArray();
        return Enumerable.Range(1, segments.Length - 1)
            .Select(skip => "…:" + string.Join(':', segments.Skip(skip)))
            .Prepend(string.Join(':', segments))
            .Any(candidate => documentation.Contains(candidate, StringComparison.Ordinal));
    }

    private static YamlNode Container(string service)
    {
        var container = ApplicationContainers().Where(c => c.Name == service).Select(c => c.Container).FirstOrDefault();
        Assert.True(container is not null, $"no Deployment '{service}' with a container in deploy/");
        return container;
    }

    private static IEnumerable<(string Name, YamlNode Container)> ApplicationContainers() =>
        ManifestFiles()
            .Where(d => d.TextAt("kind") == "Deployment")
            .SelectMany(d => d.At("spec.template.spec.containers").Items().Select(c => (d.TextAt("metadata.name")!, c)));

    /// <summary>The container's environment in the order Kubernetes builds it: envFrom first, then env.</summary>
    private static List<(string Name, string? Value)> Environment(YamlNode container)
    {
        var configMaps = ManifestFiles().Where(d => d.TextAt("kind") == "ConfigMap").ToDictionary(d => d.TextAt("metadata.name")!, d => d.Child("data"));
        var environment = new List<(string, string?)>();
        foreach (var source in container.Child("envFrom").Items())
        {
            var name = source.TextAt("configMapRef.name");
            Assert.True(name is not null && configMaps.ContainsKey(name), $"envFrom refers to a ConfigMap not in deploy/: {name}");
            environment.AddRange(configMaps[name].Entries().Select(e => (e.Key, e.Value.Text())));
        }

        environment.AddRange(container.Child("env").Items().Select(e => (e.TextAt("name")!, e.TextAt("value"))));
        return environment;
    }

    private static IEnumerable<YamlMappingNode> ManifestFiles() =>
        Directory.EnumerateFiles(RepositoryLayout.DeployDirectory, "*.yaml")
            .Where(f => !f.Contains(".example.", StringComparison.Ordinal))
            .SelectMany(YamlNavigation.LoadDocuments);

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex Reference();
}
