using YamlDotNet.RepresentationModel;

namespace SafetyReports.IntegrationTests.Deployment;

/// <summary>docker-compose.yml wires every service the way the architecture's configuration contract says.</summary>
[Trait("Speed", "Slow")]
public sealed class ComposeFileTests
{
    private static readonly YamlMappingNode Compose = YamlNavigation.LoadSingleDocument(RepositoryLayout.ComposeFile);

    private static IReadOnlyDictionary<string, YamlNode> Services => Compose.Child("services").Entries();

    /// <summary>Every service of the topology table (docs/architecture.md) that compose runs.</summary>
    public static TheoryData<string> ApplicationServices => new(Topology.ComposeServices.Select(r => r.Service));

    public static TheoryData<string> DistributedServices => new() { "intake", "triage", "notification" };

    [Fact]
    public void Compose_runs_exactly_the_services_of_the_topology_besides_the_broker_and_the_database()
    {
        Assert.Equal(
            Topology.ComposeServices.Select(r => r.Service).Append("mongo").Append("rabbitmq").Order(),
            Services.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(ApplicationServices))]
    public void Service_is_built_from_the_one_Dockerfile_with_its_project_as_the_SERVICE_argument(string service)
    {
        var project = Topology.Of(service).Project;
        var build = Service(service).Child("build");
        var context = build.TextAt("context");

        Assert.NotNull(context);
        Assert.Equal(
            Path.TrimEndingDirectorySeparator(RepositoryLayout.Root),
            Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(RepositoryLayout.Root, context))));
        Assert.Equal("Dockerfile", build.TextAt("dockerfile"));
        Assert.True(File.Exists(RepositoryLayout.Dockerfile), "The Dockerfile at the repository root does not exist.");
        Assert.Equal(project, build.TextAt("args.SERVICE"));
        Assert.True(File.Exists(RepositoryLayout.ProjectFile(project)), $"SERVICE={project} names no project under services/.");
        // No PORT argument: the image listens on the Dockerfile's default, 8080, which the table says.
        Assert.Null(build.At("args.PORT"));
        Assert.Equal(8080, Topology.Of(service).Port);
    }

    [Theory]
    [MemberData(nameof(ApplicationServices))]
    public void Service_health_check_probes_its_readiness_with_the_service_binary(string service)
    {
        var project = Topology.Of(service).Project;
        var test = Service(service).At("healthcheck.test").CommandLine();

        Assert.Contains($"SafetyReports.{project}.dll", test);
        Assert.Contains("--probe", test);
        Assert.Contains("/health/ready", test);
    }

    [Theory]
    [MemberData(nameof(ApplicationServices))]
    public void Service_waits_for_what_the_topology_says_it_needs_to_be_healthy(string service)
    {
        var dependencies = Topology.Of(service).WaitsFor;
        var dependsOn = Service(service).Child("depends_on").Entries();

        Assert.Equal(dependencies.Order(), dependsOn.Keys.Order());

        foreach (var dependency in dependencies)
        {
            Assert.True(dependsOn.ContainsKey(dependency), $"{service} should depend on {dependency}.");
            Assert.Equal("service_healthy", dependsOn[dependency].TextAt("condition"));
            Assert.True(Service(dependency).Child("healthcheck") is not null,
                $"{service} waits for {dependency} to be healthy, but {dependency} has no health check.");
        }
    }

    [Theory]
    [MemberData(nameof(ApplicationServices))]
    public void Service_publishes_the_host_port_of_the_topology_and_listens_on_its_port(string service)
    {
        var row = Topology.Of(service);
        var definition = Service(service);
        var listens = row.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(listens, EnvironmentOf(definition).GetValueOrDefault("ASPNETCORE_HTTP_PORTS"));
        var port = Assert.Single(definition.Child("ports").Texts());
        Assert.EndsWith($"{row.PublishedPort}}}:{listens}", port);
        Assert.Equal(row.LoopbackOnly, port.StartsWith("127.0.0.1:", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(DistributedServices))]
    public void Distributed_service_uses_RabbitMq_MongoDb_and_the_issuer(string service)
    {
        var environment = EnvironmentOf(Service(service));

        Assert.Equal("RabbitMq", environment.GetValueOrDefault("SafetyReports__Bus__Transport"));
        Assert.StartsWith("amqp://", environment.GetValueOrDefault("ConnectionStrings__RabbitMq"));
        Assert.Contains("@rabbitmq:5672", environment.GetValueOrDefault("ConnectionStrings__RabbitMq"));
        Assert.StartsWith("${BUS_SIGNING_KEY:?", environment.GetValueOrDefault("SafetyReports__Bus__SigningKey"));
        Assert.Equal("MongoDb", environment.GetValueOrDefault("SafetyReports__Storage__Provider"));
        Assert.StartsWith("mongodb://mongo:27017", environment.GetValueOrDefault("ConnectionStrings__MongoDb"));
        Assert.Contains("replicaSet=rs0", environment.GetValueOrDefault("ConnectionStrings__MongoDb"));
        Assert.False(string.IsNullOrWhiteSpace(environment.GetValueOrDefault("SafetyReports__Identity__Issuer")));
    }

    [Fact]
    public void Every_service_trusts_the_same_issuer()
    {
        var issuers = new[] { "identity", "intake", "triage", "notification", "portal" }
            .Select(service => EnvironmentOf(Service(service)).GetValueOrDefault("SafetyReports__Identity__Issuer"))
            .Distinct()
            .ToList();

        Assert.Single(issuers);
        Assert.NotNull(issuers[0]);
    }

    [Fact]
    public void Intake_reads_the_transparency_figures_from_the_triage_container()
    {
        var source = EnvironmentOf(Service("intake")).GetValueOrDefault("SafetyReports__Intake__TransparencySource");

        Assert.Equal("http://triage:8080/", source);
    }

    [Fact]
    public void Intake_and_Triage_share_one_Data_Protection_key_volume()
    {
        var intakeKeys = KeysVolume("intake");
        var triageKeys = KeysVolume("triage");

        Assert.Equal(intakeKeys, triageKeys);
        Assert.Contains(intakeKeys, Compose.Child("volumes").Entries().Keys);
        foreach (var other in new[] { "identity", "notification", "portal" })
        {
            Assert.DoesNotContain(Service(other).Child("volumes").Texts(), v => v.StartsWith(intakeKeys + ":", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Identity_keeps_its_SQLite_data_in_a_named_volume()
    {
        var identity = Service("identity");
        var dataDirectory = EnvironmentOf(identity).GetValueOrDefault("SafetyReports__Storage__DataDirectory");

        Assert.False(string.IsNullOrWhiteSpace(dataDirectory));
        var volume = NamedVolumeAt(identity, dataDirectory);
        Assert.True(volume is not null, $"identity should mount a named volume at {dataDirectory}.");
        Assert.Contains(volume, Compose.Child("volumes").Entries().Keys);
    }

    [Fact]
    public void Every_named_volume_a_service_mounts_is_declared()
    {
        var declared = Compose.Child("volumes").Entries().Keys.ToHashSet();
        var undeclared = Services
            .SelectMany(s => s.Value.Child("volumes").Texts().Select(v => (Service: s.Key, Source: v.Split(':')[0])))
            .Where(m => !m.Source.StartsWith('.') && !m.Source.StartsWith('/') && !m.Source.StartsWith('~'))
            .Where(m => !declared.Contains(m.Source))
            .Select(m => $"{m.Service}: {m.Source}")
            .ToList();

        Assert.Empty(undeclared);
    }

    [Fact]
    public void Mongo_runs_as_a_replica_set_that_compose_initiates()
    {
        var mongo = Service("mongo");
        var command = mongo.Child("command").CommandLine();
        var healthCheck = mongo.At("healthcheck.test").CommandLine();

        Assert.StartsWith("mongo:7", mongo.TextAt("image"));
        Assert.Contains("--replSet rs0", command);
        Assert.Contains("rs.initiate", healthCheck);
        Assert.Contains("_id: 'rs0'", healthCheck);
        Assert.Contains("isWritablePrimary", healthCheck);
    }

    [Fact]
    public void RabbitMq_health_check_pings_the_node()
    {
        var rabbitMq = Service("rabbitmq");

        Assert.StartsWith("rabbitmq:3-management", rabbitMq.TextAt("image"));
        Assert.Contains("rabbitmq-diagnostics -q ping", rabbitMq.At("healthcheck.test").CommandLine());
    }

    [Fact]
    public void Secrets_come_from_the_environment_rather_than_the_file()
    {
        var literal = Services
            .SelectMany(s => EnvironmentOf(s.Value).Select(e => (Service: s.Key, e.Key, e.Value)))
            .Where(e => e.Key.EndsWith("Secret", StringComparison.Ordinal) || e.Key.EndsWith("Password", StringComparison.Ordinal)
                || e.Key.EndsWith("_PASS", StringComparison.Ordinal))
            .Where(e => e.Value is null || !e.Value.StartsWith("${", StringComparison.Ordinal))
            .Select(e => $"{e.Service}: {e.Key}")
            .ToList();

        Assert.Empty(literal);
    }

    [Fact]
    public void Standalone_is_not_part_of_the_distributed_compose_file()
    {
        Assert.DoesNotContain(Services, s =>
            s.Key.Contains("standalone", StringComparison.OrdinalIgnoreCase)
            || s.Value.TextAt("build.args.SERVICE") == "Standalone");
    }

    private static YamlNode Service(string name)
    {
        Assert.True(Services.ContainsKey(name), $"docker-compose.yml has no service '{name}'.");
        return Services[name];
    }

    /// <summary>A service's environment, given as a mapping or as a list of KEY=VALUE.</summary>
    private static Dictionary<string, string?> EnvironmentOf(YamlNode service)
    {
        var environment = service.Child("environment");
        if (environment is YamlSequenceNode)
        {
            return environment.Texts()
                .Select(e => e.Split('=', 2))
                .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : null);
        }

        return environment.Entries().ToDictionary(e => e.Key, e => e.Value.Text());
    }

    private static string KeysVolume(string service)
    {
        var definition = Service(service);
        var keysDirectory = EnvironmentOf(definition).GetValueOrDefault("SafetyReports__DataProtection__KeysDirectory");
        Assert.False(string.IsNullOrWhiteSpace(keysDirectory), $"{service} should set SafetyReports__DataProtection__KeysDirectory.");
        var volume = NamedVolumeAt(definition, keysDirectory);
        Assert.True(volume is not null, $"{service} should mount a named volume at {keysDirectory}.");
        return volume;
    }

    private static string? NamedVolumeAt(YamlNode service, string path) =>
        service.Child("volumes").Texts()
            .Select(v => v.Split(':'))
            .Where(parts => parts.Length >= 2 && parts[1] == path)
            .Select(parts => parts[0])
            .FirstOrDefault();
}
