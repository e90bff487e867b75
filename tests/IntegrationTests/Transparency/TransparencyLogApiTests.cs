using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.Triage.TransparencyLog;

namespace SafetyReports.IntegrationTests.Transparency;

/// <summary>
/// The public transparency log as an outsider uses it: a signed checkpoint checked against the published key, the
/// leaves re-hashed from their public fields and the root rebuilt from them by RFC 6962's definition (not the service's
/// tree), proofs checked, and bad parameters answered with field errors.
/// </summary>
public class TransparencyLogApiTests(StandaloneFixture fixture) : IClassFixture<StandaloneFixture>
{
    private SystemUnderTest Api => fixture.System.Api;

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_reports_received_entry_is_in_a_signed_checkpoint_and_the_root_rebuilds_from_the_public_leaves()
    {
        var (id, _) = await Api.SubmitAsync(SystemUnderTest.Report("hub-log", "org/log", "Transparency log, one report"));
        await Api.TriageReportAsync(id);
        var keys = (await TextAsync("/api/v1/transparency/log/key")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(k => NoteVerifierKey.Parse(k)!).ToList();
        Assert.NotEmpty(keys);

        // The leaves, page by page, until the report's received entry shows; then a checkpoint that covers it.
        var leaves = await Eventually.UntilAsync(async () =>
        {
            var all = await AllLeavesAsync();
            return all.Any(l => l["reportId"]!.GetValue<Guid>() == id && l["action"]!.GetValue<string>() == "received") ? all : null;
        }, Wait, "the report's received leaf");
        var received = leaves.Single(l => l["reportId"]!.GetValue<Guid>() == id && l["action"]!.GetValue<string>() == "received");
        var index = received["index"]!.GetValue<long>();
        var (checkpoint, note) = await Eventually.UntilAsync(async () =>
        {
            var text = await TextAsync("/api/v1/transparency/log/checkpoint");
            var parsed = Checkpoint.Parse(SignedNote.Text(text) ?? "");
            return parsed is not null && parsed.Size > index ? Tuple.Create(parsed, text) : null;
        }, Wait, "a checkpoint covering the leaf");
        Assert.Equal(keys[0].ToString(), Assert.Single(SignedNote.VerifiedBy(note, keys)).ToString());

        // Every leaf hash is recomputed from the leaf's public lines, and the root from the leaves.
        var hashes = leaves.Take((int)checkpoint.Size).Select(Rehash).ToList();
        Assert.Equal(Convert.ToBase64String(checkpoint.RootHash), Convert.ToBase64String(Mth(hashes)));

        var proof = await JsonAsync($"/api/v1/transparency/log/proof/inclusion?index={index}&size={checkpoint.Size}");
        Assert.True(MerkleProofs.VerifyInclusion(index, checkpoint.Size, hashes[(int)index], Hashes(proof), checkpoint.RootHash));

        // More entries; the next checkpoint proves it extends this one.
        var (other, _) = await Api.SubmitAsync(SystemUnderTest.Report("hub-log", "org/log", "Transparency log, a second report"));
        await Api.TriageReportAsync(other);
        var later = await Eventually.UntilAsync(async () =>
        {
            var parsed = Checkpoint.Parse(SignedNote.Text(await TextAsync("/api/v1/transparency/log/checkpoint")) ?? "");
            return parsed is not null && parsed.Size > checkpoint.Size ? parsed : null;
        }, Wait, "a larger checkpoint");
        var consistency = await JsonAsync($"/api/v1/transparency/log/proof/consistency?first={checkpoint.Size}&second={later.Size}");
        Assert.True(MerkleProofs.VerifyConsistency(checkpoint.Size, later.Size, checkpoint.RootHash, later.RootHash, Hashes(consistency)));
    }

    [Fact]
    public async Task The_reporters_status_API_names_the_leaf_of_the_reports_received_entry_once_Triage_has_stored_it()
    {
        var (id, token) = await Api.SubmitAsync(SystemUnderTest.Report("hub-log", "org/log", "Transparency log, the reporter's leaf"));

        var status = await ReporterLoop.ReceiptAsync(Api, id, token,
            s => s["logLeaf"] is { } leaf && leaf.GetValueKind() == System.Text.Json.JsonValueKind.Number, "the status API to name the received leaf");

        var index = status["logLeaf"]!.GetValue<long>();
        var received = (await JsonAsync($"/api/v1/transparency/log/leaves?report={id}"))["leaves"]!.AsArray().Single(l => l!["action"]!.GetValue<string>() == "received")!;
        Assert.Equal(index, received["index"]!.GetValue<long>());
        var log = new PublicLogClient(Api);
        Assert.True(await log.ProvesInclusionAsync(index, Rehash(received), await log.CheckpointCoveringAsync(index)));
    }

    [Theory]
    [InlineData("/api/v1/transparency/log/proof/inclusion?size=1", "index")]
    [InlineData("/api/v1/transparency/log/proof/inclusion?index=-1&size=1", "index")]
    [InlineData("/api/v1/transparency/log/proof/inclusion?index=1&size=1", "index")]
    [InlineData("/api/v1/transparency/log/proof/inclusion?index=0&size=abc", "size")]
    [InlineData("/api/v1/transparency/log/proof/inclusion?index=0&size=99999999999", "size")]
    [InlineData("/api/v1/transparency/log/proof/consistency?first=0&second=1", "first")]
    [InlineData("/api/v1/transparency/log/proof/consistency?first=3&second=2", "first")]
    [InlineData("/api/v1/transparency/log/proof/consistency?first=1", "second")]
    [InlineData("/api/v1/transparency/log/leaves", "start")]
    [InlineData("/api/v1/transparency/log/leaves?start=0&end=0", "end")]
    [InlineData("/api/v1/transparency/log/leaves?start=0&end=1001", "end")]
    [InlineData("/api/v1/transparency/log/leaves?start=99999999999", "start")]
    public async Task Bad_parameters_are_a_problem_naming_the_field(string path, string field)
    {
        using var response = await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await SystemUnderTest.JsonAsync(response);
        Assert.NotNull(problem["errors"]![field]);
    }

    private async Task<List<JsonNode>> AllLeavesAsync()
    {
        var all = new List<JsonNode>();
        long? start = 0;
        while (start is { } from)
        {
            var page = await JsonAsync($"/api/v1/transparency/log/leaves?start={from}");
            all.AddRange(page["leaves"]!.AsArray().Select(l => l!));
            start = page["next"]?.GetValue<long>();
        }

        return all;
    }

    /// <summary>RFC 6962's MTH, straight from its definition.</summary>
    private static byte[] Mth(IReadOnlyList<byte[]> leaves)
    {
        if (leaves.Count == 1)
        {
            return leaves[0];
        }

        var k = 1;
        while (k * 2 < leaves.Count)
        {
            k *= 2;
        }

        return SHA256.HashData([0x01, .. Mth(leaves.Take(k).ToList()), .. Mth(leaves.Skip(k).ToList())]);
    }

    private static byte[] Rehash(JsonNode leaf) => PublicLogClient.Rehash(leaf);

    private static List<byte[]> Hashes(JsonNode proof) => PublicLogClient.Hashes(proof);

    private Task<string> TextAsync(string path) => new PublicLogClient(Api).TextAsync(path);

    private Task<JsonNode> JsonAsync(string path) => new PublicLogClient(Api).JsonAsync(path);
}
