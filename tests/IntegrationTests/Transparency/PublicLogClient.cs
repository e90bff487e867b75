using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.Triage.TransparencyLog;

namespace SafetyReports.IntegrationTests.Transparency;

/// <summary>The public transparency log as an outsider reads it: anonymous calls to Triage's log routes, leaves re-hashed from their public fields.</summary>
public sealed class PublicLogClient(SystemUnderTest api)
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    public async Task<string> TextAsync(string path)
    {
        using var response = await api.SendAsync(HttpMethod.Get, api.Urls.Triage, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    public async Task<JsonNode> JsonAsync(string path)
    {
        using var response = await api.SendAsync(HttpMethod.Get, api.Urls.Triage, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await SystemUnderTest.JsonAsync(response);
    }

    /// <summary>The newest signed checkpoint once it covers leaf <paramref name="index"/>, with its note, checked against the published key.</summary>
    public async Task<Checkpoint> CheckpointCoveringAsync(long index)
    {
        var keys = (await TextAsync("/api/v1/transparency/log/key")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(k => NoteVerifierKey.Parse(k)!).ToList();
        return await Eventually.UntilAsync(async () =>
        {
            var note = await TextAsync("/api/v1/transparency/log/checkpoint");
            var parsed = Checkpoint.Parse(SignedNote.Text(note) ?? "");
            return parsed is not null && parsed.Size > index && SignedNote.VerifiedBy(note, keys).Count > 0 ? parsed : null;
        }, Wait, $"a signed checkpoint covering leaf {index}");
    }

    /// <summary>True when the route's inclusion proof puts <paramref name="leafHash"/> at <paramref name="index"/> under the checkpoint's root.</summary>
    public async Task<bool> ProvesInclusionAsync(long index, byte[] leafHash, Checkpoint checkpoint)
    {
        var proof = await JsonAsync($"/api/v1/transparency/log/proof/inclusion?index={index}&size={checkpoint.Size}");
        return MerkleProofs.VerifyInclusion(index, checkpoint.Size, leafHash, Hashes(proof), checkpoint.RootHash);
    }

    public static List<byte[]> Hashes(JsonNode proof) => proof["hashes"]!.AsArray().Select(h => Convert.FromBase64String(h!.GetValue<string>())).ToList();

    /// <summary>The leaf's hash rebuilt from its public lines (RFC 6962: SHA-256 of 0x00 and the data), checked against the one published.</summary>
    public static byte[] Rehash(JsonNode leaf)
    {
        var text = string.Concat(new[]
        {
            "safetyreports/audit-leaf/v1", leaf["sequence"]!.ToJsonString(), leaf["reportId"]!.GetValue<string>(), leaf["action"]!.GetValue<string>(),
            leaf["at"]!.GetValue<DateTimeOffset>().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            leaf["entryHash"]!.GetValue<string>(),
        }.Select(line => line + "\n"));
        var hash = SHA256.HashData([0x00, .. System.Text.Encoding.UTF8.GetBytes(text)]);
        Assert.Equal(leaf["leafHash"]!.GetValue<string>(), Convert.ToBase64String(hash));
        return hash;
    }
}
