using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using SafetyReports.Intake.AntiAbuse;
using SafetyReports.IntegrationTests.Docs.Samples;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.Notification.Domain;

namespace SafetyReports.IntegrationTests.Docs;

/// <summary>
/// The code samples of the docs work: the C# ones are compiled from Samples/ and the docs must print exactly those lines; the
/// Python ones are taken from the docs and run with python3 — the webhook check against webhooks signed by Notification's
/// signer, the submission client against a running Standalone.
/// </summary>
public sealed partial class DocSamplesTests
{
    public static TheoryData<string, string, string> CompiledSamples => new()
    {
        { "docs/webhooks.md", "webhook-verify-csharp", "Samples/WebhookVerificationSample.cs" },
        { "docs/intake.md", "proof-of-work-csharp", "Samples/ProofOfWorkSample.cs" },
    };

    [Theory]
    [MemberData(nameof(CompiledSamples))]
    public void A_csharp_sample_in_the_docs_is_the_one_the_tests_compile(string doc, string id, string file)
    {
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests/IntegrationTests/Docs", file)).ReplaceLineEndings("\n");
        var region = Regex.Match(source, $@"// <sample: {id}>\n(?<code>.*?)^\s*// </sample: {id}>", RegexOptions.Singleline | RegexOptions.Multiline);
        Assert.True(region.Success, $"{file} has no region {id}.");
        Assert.Equal(Dedent(region.Groups["code"].Value), MarkdownDocument.Load(doc).Sample(id));
    }

    [Fact]
    public void The_csharp_webhook_check_accepts_a_signed_webhook_during_a_rotation_and_refuses_a_tampered_or_stale_one()
    {
        foreach (var webhook in SignedWebhooks())
        {
            Assert.Equal(webhook.Valid, WebhookVerificationSample.Check(webhook.Secret, webhook.Id, webhook.Timestamp, webhook.Body, webhook.Header));
        }
    }

    [Fact]
    public async Task The_python_webhook_check_accepts_a_signed_webhook_during_a_rotation_and_refuses_a_tampered_or_stale_one()
    {
        var webhooks = SignedWebhooks();
        var script = MarkdownDocument.Load("docs/webhooks.md").Sample("webhook-verify-python") + """

            import json, sys
            cases = json.load(open(sys.argv[1]))
            print(json.dumps([verify(c["secret"], c["id"], c["timestamp"], c["body"].encode("utf-8"), c["header"]) for c in cases]))
            """;
        using var folder = new TempDirectory("safetyreports-python-sample");
        File.WriteAllText(Path.Combine(folder.Path, "verify.py"), script);
        File.WriteAllText(Path.Combine(folder.Path, "cases.json"), JsonSerializer.Serialize(webhooks.Select(w => new
        {
            secret = w.Secret, id = w.Id, timestamp = w.Timestamp, body = w.Body, header = w.Header,
        })));

        var run = await ExternalCommand.RunAsync("python3", [Path.Combine(folder.Path, "verify.py"), Path.Combine(folder.Path, "cases.json")], TimeSpan.FromSeconds(30));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(webhooks.Select(w => w.Valid), JsonSerializer.Deserialize<bool[]>(run.Output)!);
    }

    [Fact]
    public void The_csharp_proof_of_work_sample_finds_a_nonce_the_server_accepts()
    {
        var challenge = Guid.NewGuid().ToString();
        var nonce = ProofOfWorkSample.SolveFor(challenge, 12);

        Assert.True(ProofOfWork.IsSolved(challenge, nonce, 12));
        Assert.Equal(ProofOfWork.Solve(challenge, 12), nonce);
    }

    [Fact]
    public async Task The_python_submission_client_files_a_report_with_a_proof_of_work()
    {
        await using var system = await StandaloneSystem.StartAsync(new Dictionary<string, string> { ["SafetyReports:Intake:ProofOfWork:Difficulty"] = "10" });
        var sample = MarkdownDocument.Load("docs/intake.md").Sample("submit-python");
        Assert.Contains("BASE = \"http://localhost:5000\"", sample, StringComparison.Ordinal);
        var script = sample.Replace("BASE = \"http://localhost:5000\"", $"BASE = \"{system.Url}\"", StringComparison.Ordinal)
            + "\nprint(json.dumps({\"receipt\": receipt, \"proof\": headers.get(\"X-Proof-Of-Work\")}))\n";
        using var folder = new TempDirectory("safetyreports-python-sample");
        File.WriteAllText(Path.Combine(folder.Path, "submit.py"), script);

        var run = await ExternalCommand.RunAsync("python3", [Path.Combine(folder.Path, "submit.py")], TimeSpan.FromSeconds(60));

        Assert.True(run.ExitCode == 0, run.ToString());
        var output = JsonDocument.Parse(run.Output).RootElement;
        Assert.False(string.IsNullOrEmpty(output.GetProperty("proof").GetString()));
        var receipt = output.GetProperty("receipt");
        var id = receipt.GetProperty("id").GetString();
        using var status = new HttpRequestMessage(HttpMethod.Get, $"{system.Url}/api/v1/reports/{id}/status");
        status.Headers.Add("X-Report-Token", receipt.GetProperty("statusToken").GetString());
        using var http = new HttpClient();
        using var answer = await http.SendAsync(status, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(id, (await answer.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetString());
    }

    private sealed record Webhook(string Secret, string Id, string Timestamp, string Body, string Header, bool Valid);

    /// <summary>Webhooks as Notification signs them (two secrets during a rotation), and the ways one can be wrong.</summary>
    private static List<Webhook> SignedWebhooks()
    {
        var current = WebhookSecret.Generate();
        var previous = WebhookSecret.Generate();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        const string id = "msg_2f1c0d0a9e5b4c8f8a6f3b1e2d4c5a6b";
        const string body = """{"type":"report.triaged","data":{"reportId":"0193","title":"Écrit des réponses haineuses"}}""";
        string Header(long at) => WebhookSigner.SignatureHeader([current, previous], id, at, body);
        var signedNow = Header(now);
        return
        [
            new(current, id, $"{now}", body, signedNow, true),
            new(previous, id, $"{now}", body, signedNow, true),
            new(WebhookSecret.Generate(), id, $"{now}", body, signedNow, false),
            new(current, id, $"{now}", body.Replace("0193", "0194", StringComparison.Ordinal), signedNow, false),
            new(current, "msg_another", $"{now}", body, signedNow, false),
            new(current, id, $"{now - 600}", body, Header(now - 600), false),
            new(current, id, $"{now}", body, "v1,not-base64 v2," + signedNow.Split(' ')[0][3..], false),
        ];
    }

    private static string Dedent(string code)
    {
        var lines = code.Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }
}
