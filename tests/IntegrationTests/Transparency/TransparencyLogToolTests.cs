using Microsoft.Extensions.DependencyInjection;
using SafetyReports.AuditTool;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.Triage.TransparencyLog;

namespace SafetyReports.IntegrationTests.Transparency;

/// <summary>
/// <c>AuditTool log verify</c> and <c>log monitor</c> against a running system: a good log passes; a saved checkpoint of
/// another history (a fork, signed with the log's own key) and a log that lost entries fail.
/// </summary>
public class TransparencyLogToolTests(StandaloneFixture fixture) : IClassFixture<StandaloneFixture>
{
    private StandaloneSystem System => fixture.System;

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Verify_and_monitor_pass_on_the_log_and_fail_on_a_fork_or_a_truncation()
    {
        using var folder = new TempDirectory("log-tool");
        var keyFile = Path.Combine(folder.Path, "log.pub");
        using var http = new HttpClient();
        await File.WriteAllTextAsync(keyFile, await http.GetStringAsync(System.Url + "/api/v1/transparency/log/key", Ct), Ct);
        var state = Path.Combine(folder.Path, "checkpoint");

        var (id, _) = await System.Api.SubmitAsync(SystemUnderTest.Report("hub-tool", "org/tool", "Transparency log tool, first"));
        await System.Api.TriageReportAsync(id);
        var first = await CheckpointAsync(0);
        Assert.Equal(0, Run(out var said, "log", "monitor", "--url", System.Url, "--key", keyFile, "--state", state));
        Assert.Contains($"{first.Size} leaves", said, StringComparison.Ordinal);
        Assert.Equal(0, Run(out said, "log", "verify", "--url", System.Url, "--key", keyFile, "--leaf", "0"));
        Assert.Contains("leaf 0: included", said, StringComparison.Ordinal);

        var (other, _) = await System.Api.SubmitAsync(SystemUnderTest.Report("hub-tool", "org/tool", "Transparency log tool, second"));
        await System.Api.TriageReportAsync(other);
        var second = await CheckpointAsync(first.Size);
        Assert.Equal(0, Run(out said, "log", "verify", "--url", System.Url, "--key", keyFile, "--since", state));
        Assert.Contains($"consistent with the saved checkpoint of {first.Size} leaves", said, StringComparison.Ordinal);
        Assert.Equal(0, Run(out _, "log", "monitor", "--url", System.Url, "--key", keyFile, "--state", state));

        // A checkpoint of another history with the same key: what a log shows one monitor and not another.
        var signer = System.Services.GetRequiredService<LogKeys>().Signer;
        var forked = Path.Combine(folder.Path, "forked");
        var rewritten = new byte[32];
        rewritten[0] = 1;
        await File.WriteAllTextAsync(forked, signer.Sign(new Checkpoint(first.Origin, first.Size, rewritten).Text()), Ct);
        Assert.Equal(1, Run(out said, "log", "verify", "--url", System.Url, "--key", keyFile, "--since", forked));
        Assert.Contains("NOT consistent", said, StringComparison.Ordinal);
        await File.WriteAllTextAsync(forked, signer.Sign(new Checkpoint(first.Origin, second.Size, rewritten).Text()), Ct);
        Assert.Equal(1, Run(out said, "log", "monitor", "--url", System.Url, "--key", keyFile, "--state", forked));
        Assert.Contains("FORKED", said, StringComparison.Ordinal);

        // A monitor that saw more leaves than the log now has: entries were removed from the end.
        await File.WriteAllTextAsync(forked, signer.Sign(new Checkpoint(first.Origin, second.Size + 1000, rewritten).Text()), Ct);
        Assert.Equal(1, Run(out said, "log", "monitor", "--url", System.Url, "--key", keyFile, "--state", forked));
        Assert.Contains("SHRANK", said, StringComparison.Ordinal);

        // A key that did not sign it.
        using var stranger = NoteSigner.Generate(first.Origin);
        Assert.Equal(1, Run(out said, "log", "verify", "--url", System.Url, "--key", stranger.Verifier.ToString()));
        Assert.Contains("NOT signed", said, StringComparison.Ordinal);
    }

    private async Task<Checkpoint> CheckpointAsync(long above) => await Eventually.UntilAsync(async () =>
    {
        using var http = new HttpClient();
        var parsed = Checkpoint.Parse(SignedNote.Text(await http.GetStringAsync(System.Url + "/api/v1/transparency/log/checkpoint")) ?? "");
        return parsed is not null && parsed.Size > above ? parsed : null;
    }, Wait, $"a checkpoint above {above} leaves");

    private static int Run(out string said, params string[] args)
    {
        using var output = new StringWriter();
        var code = AuditToolProgram.Run(args, output, output);
        said = output.ToString();
        return code;
    }
}
