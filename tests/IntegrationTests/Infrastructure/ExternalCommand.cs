using System.Diagnostics;

namespace SafetyReports.IntegrationTests.Infrastructure;

/// <summary>Runs a program to its end within a bound, collecting what it printed.</summary>
public static class ExternalCommand
{
    public sealed record Result(int ExitCode, string Output, string Errors)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Errors}";
    }

    /// <summary>Kills the program (and its children) and throws when it runs longer than <paramref name="timeout"/>.</summary>
    /// <param name="ignoreTestCancellation">For clean-up that must run even when the test was cancelled.</param>
    public static async Task<Result> RunAsync(string executable, IEnumerable<string> arguments, TimeSpan timeout,
        string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null, bool ignoreTestCancellation = false)
    {
        var cancellation = ignoreTestCancellation ? CancellationToken.None : TestContext.Current.CancellationToken;
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var errors = process.StandardError.ReadToEndAsync(cancellation);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        bound.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new Result(process.ExitCode, await output, await errors);
    }

    /// <summary>Like <see cref="RunAsync"/>, for clean-up and set-up commands that must succeed: throws unless the exit code is 0.</summary>
    public static async Task<string> OutputAsync(string executable, IReadOnlyList<string> arguments, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var run = await RunAsync(executable, arguments, timeout, environment: environment, ignoreTestCancellation: true);
        return run.ExitCode == 0
            ? run.Output
            : throw new InvalidOperationException($"{executable} {string.Join(' ', arguments)} failed: {run.Output} {run.Errors}");
    }

    /// <summary>
    /// The path of a tool the tests need from a Debian package; skips the test when it is missing, and fails it in
    /// CI (<c>CI</c> set), whose run installs it.
    /// </summary>
    public static string RequireTool(string name, string package, string whatGoesUnchecked)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
        if (path is not null)
        {
            return path;
        }

        var reason = $"{name} is not installed (Debian package {package}), so {whatGoesUnchecked}";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail(reason + "; CI must install it.");
        }

        Assert.Skip(reason + ".");
        return "";
    }
}
