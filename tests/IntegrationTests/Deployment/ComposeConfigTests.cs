using System.Diagnostics;

namespace SafetyReports.IntegrationTests.Deployment;

/// <summary>docker-compose itself accepts the compose file (interpolation, schema, references).</summary>
public sealed class ComposeConfigTests
{
    [Fact]
    public async Task Docker_compose_accepts_the_compose_file()
    {
        var executable = FindOnPath("docker-compose");
        if (executable is null)
        {
            const string reason = "docker-compose is not installed (Debian package docker-compose), so docker-compose.yml was not validated";
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
        foreach (var argument in new[] { "-f", RepositoryLayout.ComposeFile, "config" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("docker-compose did not start.");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        Assert.True(process.ExitCode == 0,
            $"docker-compose config exited with {process.ExitCode}:\n{await errors}\n{await output}");
        Assert.Contains("intake:", await output);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
