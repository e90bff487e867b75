using System.Diagnostics;

namespace SafetyReports.IntegrationTests.Deployment;

/// <summary>yamllint (Debian package yamllint) accepts the Kubernetes manifests, with deploy/.yamllint's rules, warnings included.</summary>
public sealed class YamlLintTests
{
    [Fact]
    public async Task Yamllint_accepts_the_Kubernetes_manifests()
    {
        var executable = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "yamllint"))
            .FirstOrDefault(File.Exists);
        if (executable is null)
        {
            const string reason = "yamllint is not installed (Debian package yamllint), so deploy/ was not linted";
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            {
                Assert.Fail(reason + "; CI must install it.");
            }

            Assert.Skip(reason + ".");
        }

        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = RepositoryLayout.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--strict", "-f", "parsable", "-c", Path.Combine("deploy", ".yamllint"), "deploy" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("yamllint did not start.");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        Assert.True(process.ExitCode == 0, $"yamllint exited with {process.ExitCode}:\n{await output}\n{await errors}");
    }
}
