using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SafetyReports.Intake.AntiAbuse;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Intake;

/// <summary>Proof of work and rate limits, on a system where both are on.</summary>
public class AntiAbuseTests : IAsyncLifetime
{
    private const int Difficulty = 8;
    private const int Permits = 4;
    private StandaloneSystem? _system;

    private StandaloneSystem Sut => _system!;

    public async ValueTask InitializeAsync() => _system = await StandaloneSystem.StartAsync(new Dictionary<string, string>
    {
        ["SafetyReports:Intake:ProofOfWork:Difficulty"] = Difficulty.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["SafetyReports:Intake:RateLimit:PermitsPerMinute"] = Permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["SafetyReports:Intake:EvidenceFiles:Enabled"] = "true",
    });

    public async ValueTask DisposeAsync() => await _system!.DisposeAsync();

    private long Stored => StoreInspector.Count(Sut.DataDirectory, "intake.db");

    private async Task<JsonNode> ChallengeAsync()
    {
        using var response = await Sut.Api.Http.GetAsync(Sut.Url + "/api/v1/challenge", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await SystemUnderTest.JsonAsync(response);
    }

    private async Task<HttpResponseMessage> SubmitAsync(string? proof, string title)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Sut.Url + "/api/v1/reports")
        {
            Content = JsonContent.Create(SystemUnderTest.Report("hub-p", "org/model", title)),
        };
        if (proof is not null)
        {
            request.Headers.Add(ProofOfWork.Header, proof);
        }

        return await Sut.Api.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task AssertProofProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await SystemUnderTest.JsonAsync(response))["errors"]![ProofOfWork.Header]);
    }

    [Fact]
    public async Task Proofs_are_required_verified_and_single_use_and_rate_limits_answer_429()
    {
        var challenge = await ChallengeAsync();
        Assert.Equal(Difficulty, challenge["difficulty"]!.GetValue<int>());
        var text = challenge["challenge"]!.GetValue<string>();
        var before = Stored;

        // Refused proofs count against the client's limit, as every submission does: four permits in all.
        using (var missing = await SubmitAsync(null, "No proof"))
        {
            await AssertProofProblemAsync(missing);
        }

        using (var unsolved = await SubmitAsync($"{text}:{UnsolvedNonce(text)}", "Wrong nonce"))
        {
            await AssertProofProblemAsync(unsolved);
        }

        var nonce = ProofOfWork.Solve(text, Difficulty);
        using (var accepted = await SubmitAsync($"{text}:{nonce}", "Solved"))
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        using (var reused = await SubmitAsync($"{text}:{nonce}", "Reused"))
        {
            await AssertProofProblemAsync(reused);
        }

        Assert.Equal(before + 1, Stored);

        // Challenges themselves do not count.
        for (var i = 0; i < 10; i++)
        {
            await ChallengeAsync();
        }

        var fresh = (await ChallengeAsync())["challenge"]!.GetValue<string>();
        using var limited = await SubmitAsync($"{fresh}:{ProofOfWork.Solve(fresh, Difficulty)}", "Over the limit");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal(before + 1, Stored);
    }

    [Fact]
    public async Task A_submission_with_files_needs_the_same_proof_and_counts_against_the_same_limit()
    {
        var before = Stored;
        async Task<HttpResponseMessage> WithFileAsync(bool solved)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, Sut.Url + "/api/v1/reports")
            {
                Content = EvidenceFixtures.Multipart(SystemUnderTest.Report("hub-p", "org/model", $"With a file {Guid.NewGuid():N}"), ("chat.jsonl", EvidenceFixtures.ChatLog())),
            };
            if (solved)
            {
                var text = (await ChallengeAsync())["challenge"]!.GetValue<string>();
                request.Headers.Add(ProofOfWork.Header, $"{text}:{ProofOfWork.Solve(text, Difficulty)}");
            }

            return await Sut.Api.Http.SendAsync(request, TestContext.Current.CancellationToken);
        }

        using (var missing = await WithFileAsync(solved: false))
        {
            await AssertProofProblemAsync(missing);
        }

        for (var i = 1; i < Permits; i++)
        {
            using var accepted = await WithFileAsync(solved: true);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        using var limited = await WithFileAsync(solved: true);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(before + Permits - 1, Stored);
        // Each accepted submission's file was stored: Intake holds it until Triage has taken it (and confirmed), then Triage does.
        await Eventually.UntilAsync(
            () => Task.FromResult(StoreInspector.Count(Sut.DataDirectory, "triage.db", table: "evidence_files") == Permits - 1
                && StoreInspector.Count(Sut.DataDirectory, "intake.db", table: "evidence_files") == 0),
            TimeSpan.FromSeconds(30), "the accepted submissions' files handed over to Triage");
    }

    [Fact]
    public async Task A_challenge_not_issued_here_is_refused()
    {
        var forged = "CfDJ8forgedchallenge";
        using var response = await SubmitAsync($"{forged}:{ProofOfWork.Solve(forged, Difficulty)}", "Forged");
        await AssertProofProblemAsync(response);
    }

    private static string UnsolvedNonce(string challenge)
    {
        for (var nonce = 0; ; nonce++)
        {
            var text = nonce.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!ProofOfWork.IsSolved(challenge, text, Difficulty))
            {
                return text;
            }
        }
    }
}
