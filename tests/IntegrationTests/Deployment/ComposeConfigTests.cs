using System.Security.Cryptography;
using System.Text.RegularExpressions;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.ServiceDefaults.Security;
using YamlDotNet.RepresentationModel;

namespace SafetyReports.IntegrationTests.Deployment;

/// <summary>
/// docker-compose itself (Debian's docker-compose, the reference for the file format) on the compose file: it ships
/// no secret, refuses to run without each one, and publishes only the public entry point beyond this machine.
/// </summary>
[Trait("Speed", "Slow")]
public sealed partial class ComposeConfigTests
{
    /// <summary>Every secret the compose file needs; .env.example lists each with how to make it.</summary>
    public static readonly string[] RequiredSecrets =
    [
        "RABBITMQ_PASSWORD", "BUS_SIGNING_KEY", "ADMIN_PASSWORD", "PORTAL_CLIENT_SECRET", "TRIAGE_CLIENT_SECRET", "TRIAGE_EVIDENCE_CLIENT_SECRET", "NOTIFICATION_EVIDENCE_CLIENT_SECRET",
        "NOTIFICATIONS_ADMIN_CLIENT_SECRET", "HOST_CLIENT_SECRET",
    ];

    private static string EnvExample => Path.Combine(RepositoryLayout.Root, ".env.example");

    private static Dictionary<string, string> GeneratedSecrets() => new()
    {
        ["RABBITMQ_PASSWORD"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
        ["BUS_SIGNING_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["ADMIN_PASSWORD"] = "an admin passphrase " + SecretHasher.NewToken(8),
        ["PORTAL_CLIENT_SECRET"] = SecretHasher.NewToken(),
        ["TRIAGE_CLIENT_SECRET"] = SecretHasher.NewToken(),
        ["TRIAGE_EVIDENCE_CLIENT_SECRET"] = SecretHasher.NewToken(),
        ["NOTIFICATION_EVIDENCE_CLIENT_SECRET"] = SecretHasher.NewToken(),
        ["NOTIFICATIONS_ADMIN_CLIENT_SECRET"] = SecretHasher.NewToken(),
        ["HOST_CLIENT_SECRET"] = SecretHasher.NewToken(),
    };

    /// <summary><c>docker-compose config</c> with exactly these variables (an env file, so no <c>.env</c> of the checkout is read).</summary>
    private static async Task<ExternalCommand.Result> ConfigAsync(IReadOnlyDictionary<string, string> variables)
    {
        var compose = ExternalCommand.RequireTool("docker-compose", "docker-compose", "docker-compose.yml was not validated");
        using var folder = new TempDirectory("safetyreports-compose-env");
        var envFile = Path.Combine(folder.Path, "test.env");
        await File.WriteAllLinesAsync(envFile, variables.Select(v => $"{v.Key}={v.Value}"), TestContext.Current.CancellationToken);
        return await ExternalCommand.RunAsync(compose, ["--env-file", envFile, "-f", RepositoryLayout.ComposeFile, "config"],
            TimeSpan.FromMinutes(2), RepositoryLayout.Root);
    }

    [Fact]
    public async Task Docker_compose_accepts_the_compose_file_with_every_secret_set_and_uses_each()
    {
        var secrets = GeneratedSecrets();

        var run = await ConfigAsync(secrets);

        Assert.True(run.ExitCode == 0, $"docker-compose config failed: {run}");
        Assert.Contains("intake:", run.Output);
        Assert.All(secrets, s => Assert.Contains(s.Value, run.Output));
    }

    [Theory]
    [MemberData(nameof(EachRequiredSecret))]
    public async Task Docker_compose_refuses_the_compose_file_while_any_secret_is_missing_or_empty(string missing)
    {
        var secrets = GeneratedSecrets();
        secrets[missing] = "";

        var run = await ConfigAsync(secrets);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(missing, run.Errors + run.Output);
        Assert.Contains("set it in .env", run.Errors + run.Output);
    }

    public static TheoryData<string> EachRequiredSecret() => new(RequiredSecrets);

    [Fact]
    public async Task The_example_env_file_as_it_is_does_not_start_anything()
    {
        var example = (await File.ReadAllLinesAsync(EnvExample, TestContext.Current.CancellationToken))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);

        Assert.Equal(RequiredSecrets.Order(), example.Keys.Order());
        Assert.All(example.Values, Assert.Empty);
        Assert.NotEqual(0, (await ConfigAsync(example)).ExitCode);
    }

    [Fact]
    public async Task The_example_env_file_documents_every_variable_the_compose_file_reads()
    {
        var compose = await File.ReadAllTextAsync(RepositoryLayout.ComposeFile, TestContext.Current.CancellationToken);
        var example = await File.ReadAllTextAsync(EnvExample, TestContext.Current.CancellationToken);
        var variables = Variable().Matches(compose).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(variables);
        Assert.All(variables, v => Assert.Matches($"(?m)^#? ?{v}=", example));
        // A required secret has no default that could be left in place.
        Assert.All(RequiredSecrets, s => Assert.Contains($"${{{s}:?set it in .env}}", compose));
        Assert.DoesNotMatch($"\\$\\{{({string.Join('|', RequiredSecrets)}):-", compose);
    }

    [Fact]
    public async Task Only_the_public_entry_point_is_published_beyond_loopback()
    {
        var run = await ConfigAsync(GeneratedSecrets());
        Assert.True(run.ExitCode == 0, $"docker-compose config failed: {run}");

        var services = YamlNavigation.LoadText(run.Output).Child("services").Entries();
        var published = services
            .SelectMany(s => s.Value.Child("ports").Items().Select(p => (Service: s.Key, Binding: PortBinding(p))))
            .ToList();

        Assert.Contains(published, p => p.Service == "intake");
        Assert.All(published.Where(p => p.Service != "intake"), p => Assert.StartsWith("127.0.0.1:", p.Binding));
        Assert.DoesNotContain(published, p => p.Service == "mongo");
    }

    /// <summary>A published port as <c>address:published:target</c>, whichever syntax docker-compose printed.</summary>
    private static string PortBinding(YamlNode port) => port.Text() is { } text
        ? (text.Count(c => c == ':') >= 2 ? text : "0.0.0.0:" + text)
        : $"{port.TextAt("host_ip") ?? "0.0.0.0"}:{port.TextAt("published")}:{port.TextAt("target")}";

    [GeneratedRegex(@"\$\{([A-Z_][A-Z0-9_]*)")]
    private static partial Regex Variable();
}
