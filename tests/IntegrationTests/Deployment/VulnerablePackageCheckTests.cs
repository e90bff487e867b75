using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Deployment;

/// <summary>
/// tests/check-vulnerable-packages.sh, run with stand-ins for <c>dotnet</c> and <c>npm</c> that print what
/// the real tools print, and a local package source whose service index does or does not offer
/// vulnerability data (the real registries here answer neither question, so the real run only warns).
/// </summary>
[Trait("Speed", "Slow")]
public sealed class VulnerablePackageCheckTests : IAsyncLifetime
{
    private const string CleanNuGet = "The given project `SafetyReports.Intake` has no vulnerable packages given the current sources.";
    private const string VulnerableNuGet = """
        Project `SafetyReports.Intake` has the following vulnerable packages
           [net10.0]:
           Top-level Package      Requested   Resolved   Severity   Advisory URL
           > Example.Package      1.0.0       1.0.0      High       https://github.com/advisories/GHSA-xxxx-xxxx-xxxx
        """;
    private const string CleanNpm = "found 0 vulnerabilities";
    private const string VulnerableNpm = """
        # npm audit report

        axe-core  <4.0.0
        Severity: high
        fix available via `npm audit fix`

        1 high severity vulnerability
        """;
    private const string NpmWithoutAudit = """
        npm warn audit 405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk
        npm error audit endpoint returned an error
        """;

    private readonly TempDirectory _work = new("vulnerable-check");
    private WebApplication? _registry;
    private string _registryUrl = "";

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _registry = builder.Build();
        _registry.MapGet("/with-data/index.json", () => Results.Text(
            """{"version":"3.0.0","resources":[{"@id":"https://example.invalid/vulnerabilities/index.json","@type":"VulnerabilityInfo/6.7.0"}]}""",
            "application/json"));
        _registry.MapGet("/without-data/index.json", () => Results.Text(
            """{"version":"3.0.0","resources":[{"@id":"https://example.invalid/flat/","@type":"PackageBaseAddress/3.0.0"}]}""",
            "application/json"));
        await _registry.StartAsync(TestContext.Current.CancellationToken);
        _registryUrl = _registry.Urls.Single();

        Directory.CreateDirectory(Path.Combine(_work.Path, "tests"));
        File.Copy(Path.Combine(RepositoryLayout.Root, "tests", "check-vulnerable-packages.sh"),
            Path.Combine(_work.Path, "tests", "check-vulnerable-packages.sh"));
        Directory.CreateDirectory(Path.Combine(_work.Path, "bin"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_registry is not null)
        {
            await _registry.DisposeAsync();
        }

        _work.Dispose();
    }

    [Fact]
    public async Task Clean_answers_from_registries_with_vulnerability_data_pass_without_a_warning()
    {
        var run = await RunAsync(DotnetOutput("with-data", CleanNuGet), 0, CleanNpm, 0);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("no known-vulnerable NuGet packages", run.Output);
        Assert.Contains("no known-vulnerable npm packages", run.Output);
        Assert.DoesNotContain("WARNING", run.Errors);
    }

    [Fact]
    public async Task A_vulnerable_nuget_package_fails_the_run()
    {
        var run = await RunAsync(DotnetOutput("with-data", VulnerableNuGet), 0, CleanNpm, 0);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("known-vulnerable NuGet packages", run.Errors);
    }

    [Fact]
    public async Task A_vulnerable_npm_package_fails_the_run_even_when_nuget_is_clean()
    {
        var run = await RunAsync(DotnetOutput("with-data", CleanNuGet), 0, VulnerableNpm, 1);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("known-vulnerable npm packages", run.Errors);
    }

    [Fact]
    public async Task A_clean_answer_from_registries_without_vulnerability_data_only_warns_that_nothing_was_checked()
    {
        var run = await RunAsync(DotnetOutput("without-data", CleanNuGet), 0, NpmWithoutAudit, 1);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("WARNING: NuGet vulnerability check NOT performed", run.Errors);
        Assert.Contains("WARNING: npm vulnerability check NOT performed", run.Errors);
        Assert.DoesNotContain("no known-vulnerable", run.Output);
    }

    [Fact]
    public async Task An_unexplained_failure_of_dotnet_fails_the_run()
    {
        var run = await RunAsync("error: something else went wrong", 1, CleanNpm, 0);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("dotnet list package exited with 1", run.Errors);
    }

    private string DotnetOutput(string source, string projects) => $"""
          Determining projects to restore...

        The following sources were used:
           {_registryUrl}/{source}/index.json

        {projects}
        """;

    private async Task<ExternalCommand.Result> RunAsync(string dotnetOutput, int dotnetExit, string npmOutput, int npmExit)
    {
        var bin = Path.Combine(_work.Path, "bin");
        WriteStandIn(Path.Combine(bin, "dotnet"), dotnetOutput, dotnetExit);
        WriteStandIn(Path.Combine(bin, "npm"), npmOutput, npmExit);

        return await ExternalCommand.RunAsync("bash", [Path.Combine(_work.Path, "tests", "check-vulnerable-packages.sh")],
            TimeSpan.FromMinutes(1), _work.Path, new Dictionary<string, string>
            {
                ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
                ["no_proxy"] = "127.0.0.1",
                ["NO_PROXY"] = "127.0.0.1",
            });
    }

    private static void WriteStandIn(string path, string output, int exitCode)
    {
        var outputFile = path + ".out";
        File.WriteAllText(outputFile, output + "\n");
        File.WriteAllText(path, $"#!/bin/sh\ncat '{outputFile}'\nexit {exitCode}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
