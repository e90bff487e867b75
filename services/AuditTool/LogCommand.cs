using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using SafetyReports.Triage.TransparencyLog;

namespace SafetyReports.AuditTool;

/// <summary>
/// <c>log keygen</c>, <c>log verify</c> and <c>log monitor</c>: the transparency log checked as an outsider checks it,
/// trusting only the verifier key: the checkpoint's signature, a leaf's inclusion (its hash recomputed from its public
/// fields), and that a newer checkpoint extends an older one (a rewritten or truncated history fails).
/// </summary>
public static class LogCommand
{
    public const string Usage =
        """
               AuditTool log keygen <origin> <key-file>
               AuditTool log verify --url <base URL> --key <verifier key or file> [--leaf <index>] [--since <saved checkpoint file>]
               AuditTool log monitor --url <base URL> --key <verifier key or file> --state <checkpoint file>
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error, HttpMessageHandler? handler = null)
    {
        try
        {
            if (args is ["keygen", var origin, var file])
            {
                return KeyGen(origin, file, output, error);
            }

            var options = Options(args.Skip(1).ToArray());
            if (args.FirstOrDefault() is not ("verify" or "monitor") || options is null
                || !options.TryGetValue("--url", out var url) || !options.TryGetValue("--key", out var key)
                || (args[0] == "monitor" && !options.ContainsKey("--state")))
            {
                error.WriteLine(AuditToolProgram.Usage);
                return AuditToolProgram.Error;
            }

            var keys = Keys(key);
            if (keys.Count == 0)
            {
                error.WriteLine("--key: no signed-note verifier key (name+hash+key) there.");
                return AuditToolProgram.Error;
            }

            using var http = new HttpClient(handler ?? new HttpClientHandler()) { BaseAddress = new Uri(url.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
            var log = new LogClient(http, keys);
            var verdict = args[0] == "verify"
                ? VerifyAsync(log, options).GetAwaiter().GetResult()
                : MonitorAsync(log, options["--state"]).GetAwaiter().GetResult();
            (verdict.Ok ? output : error).WriteLine(verdict.Message);
            return verdict.Ok ? AuditToolProgram.Valid : AuditToolProgram.Invalid;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException or System.Text.Json.JsonException or FormatException)
        {
            error.WriteLine($"The log could not be read: {ex.Message}");
            return AuditToolProgram.Error;
        }
    }

    private static async Task<(bool Ok, string Message)> VerifyAsync(LogClient log, Dictionary<string, string> options)
    {
        var (checkpoint, _, problem) = await log.CheckpointAsync();
        if (checkpoint is null)
        {
            return (false, problem!);
        }

        var said = new StringBuilder($"checkpoint: {checkpoint.Origin}, {checkpoint.Size} leaves, root {Convert.ToBase64String(checkpoint.RootHash)}, signature valid");
        if (options.TryGetValue("--leaf", out var leafText))
        {
            if (!long.TryParse(leafText, out var index) || index < 0 || index >= checkpoint.Size)
            {
                return (false, $"--leaf {leafText}: not a leaf of this checkpoint (0 to {checkpoint.Size - 1}).");
            }

            var leaf = await log.LeafHashAsync(index);
            var proof = await log.GetAsync<ProofAnswer>($"api/v1/transparency/log/proof/inclusion?index={index}&size={checkpoint.Size}");
            if (leaf is null || !MerkleProofs.VerifyInclusion(index, checkpoint.Size, leaf, proof.Decoded(), checkpoint.RootHash))
            {
                return (false, $"leaf {index}: NOT included in the checkpoint (the leaf or its proof does not lead to the signed root).");
            }

            said.Append($"\nleaf {index}: included");
        }

        if (options.TryGetValue("--since", out var saved))
        {
            var (older, _, savedProblem) = log.Read(await File.ReadAllTextAsync(saved));
            if (older is null)
            {
                return (false, $"{saved}: {savedProblem}");
            }

            var consistent = await log.ConsistentAsync(older, checkpoint);
            if (consistent is not null)
            {
                return (false, consistent);
            }

            said.Append($"\nconsistent with the saved checkpoint of {older.Size} leaves");
        }

        return (true, said.ToString());
    }

    private static async Task<(bool Ok, string Message)> MonitorAsync(LogClient log, string state)
    {
        var (checkpoint, note, problem) = await log.CheckpointAsync();
        if (checkpoint is null)
        {
            return (false, problem!);
        }

        if (File.Exists(state))
        {
            var (older, _, savedProblem) = log.Read(await File.ReadAllTextAsync(state));
            if (older is null)
            {
                return (false, $"{state}: {savedProblem}");
            }

            var consistent = await log.ConsistentAsync(older, checkpoint);
            if (consistent is not null)
            {
                // The state keeps the last good checkpoint: every later run fails too until someone looks.
                return (false, consistent);
            }
        }

        var temporary = state + ".new";
        await File.WriteAllTextAsync(temporary, note);
        File.Move(temporary, state, overwrite: true);
        return (true, $"checkpoint of {checkpoint.Size} leaves consistent with the last one; saved to {state}");
    }

    private static int KeyGen(string origin, string file, TextWriter output, TextWriter error)
    {
        if (File.Exists(file))
        {
            error.WriteLine($"{file} exists: a key is never overwritten.");
            return AuditToolProgram.Error;
        }

        using var signer = LogSigningKey.Load(file, origin, createIfMissing: true);
        output.WriteLine(signer.Verifier.ToString());
        return AuditToolProgram.Valid;
    }

    private static List<NoteVerifierKey> Keys(string key) =>
        (File.Exists(key) ? File.ReadAllLines(key) : [key]).Select(NoteVerifierKey.Parse).OfType<NoteVerifierKey>().ToList();

    private static Dictionary<string, string>? Options(string[] args)
    {
        if (args.Length % 2 != 0)
        {
            return null;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || !options.TryAdd(args[i], args[i + 1]))
            {
                return null;
            }
        }

        return options;
    }

    private sealed class LogClient(HttpClient http, IReadOnlyList<NoteVerifierKey> keys)
    {
        public async Task<(Checkpoint? Checkpoint, string Note, string? Problem)> CheckpointAsync() =>
            Read(await http.GetStringAsync("api/v1/transparency/log/checkpoint"));

        public (Checkpoint? Checkpoint, string Note, string? Problem) Read(string note)
        {
            if (SignedNote.VerifiedBy(note, keys).Count == 0)
            {
                return (null, note, "the checkpoint is NOT signed by the given key.");
            }

            var checkpoint = Checkpoint.Parse(SignedNote.Text(note)!);
            return checkpoint is null ? (null, note, "not a checkpoint.") : (checkpoint, note, null);
        }

        public async Task<T> GetAsync<T>(string path) =>
            await http.GetFromJsonAsync<T>(path) ?? throw new FormatException($"{path}: an empty answer.");

        /// <summary>The leaf's hash, recomputed from its public fields: the server's own leaf hash is not trusted.</summary>
        public async Task<byte[]?> LeafHashAsync(long index)
        {
            var page = await GetAsync<LeavesAnswer>($"api/v1/transparency/log/leaves?start={index}&end={index + 1}");
            return page.Leaves is [var leaf] && leaf.Index == index
                ? new LogLeaf(leaf.Index, leaf.ReportId, leaf.Action, leaf.At, leaf.EntryHash).Hash()
                : null;
        }

        /// <summary>Null when <paramref name="newer"/> extends <paramref name="older"/>; else what is wrong.</summary>
        public async Task<string?> ConsistentAsync(Checkpoint older, Checkpoint newer)
        {
            if (older.Origin != newer.Origin)
            {
                return $"the checkpoints are of different logs ({older.Origin}, {newer.Origin}).";
            }

            if (newer.Size < older.Size)
            {
                return $"the log SHRANK from {older.Size} to {newer.Size} leaves: entries were removed.";
            }

            if (newer.Size == older.Size)
            {
                return CryptographicOperations.FixedTimeEquals(older.RootHash, newer.RootHash)
                    ? null
                    : $"two different checkpoints of {newer.Size} leaves: the log FORKED.";
            }

            var proof = await GetAsync<ProofAnswer>($"api/v1/transparency/log/proof/consistency?first={older.Size}&second={newer.Size}");
            return MerkleProofs.VerifyConsistency(older.Size, newer.Size, older.RootHash, newer.RootHash, proof.Decoded())
                ? null
                : $"the checkpoint of {newer.Size} leaves is NOT consistent with the one of {older.Size}: history was rewritten.";
        }
    }

    private sealed record ProofAnswer([property: JsonPropertyName("hashes")] List<string> Hashes)
    {
        public List<byte[]> Decoded() => Hashes.Select(Convert.FromBase64String).ToList();
    }

    private sealed record LeavesAnswer([property: JsonPropertyName("leaves")] List<LeafAnswer> Leaves);

    private sealed record LeafAnswer(
        [property: JsonPropertyName("index")] long Index,
        [property: JsonPropertyName("reportId")] Guid ReportId,
        [property: JsonPropertyName("action")] string Action,
        [property: JsonPropertyName("at")] DateTimeOffset At,
        [property: JsonPropertyName("entryHash")] string EntryHash);
}
