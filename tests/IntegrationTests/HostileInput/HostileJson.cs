using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.HostileInput;

/// <summary>A request body and what it is, for the failure message.</summary>
public sealed record HostileBody(string Kind, byte[] Bytes)
{
    public override string ToString() =>
        $"{Kind}: {(Bytes.Length > 400 ? Encoding.UTF8.GetString(Bytes, 0, 400) + $"… ({Bytes.Length} bytes)" : Encoding.UTF8.GetString(Bytes))}";
}

/// <summary>Generators of submission bodies: mutated valid reports, random JSON, nesting, broken bytes.</summary>
public static class HostileJson
{
    private static readonly string[] Paths =
    [
        "model", "model.host", "model.id", "model.revision", "model.url", "category", "severity", "title", "description",
        "evidence", "evidence.0", "evidence.0.kind", "evidence.0.content", "reporter", "reporter.name", "reporter.email",
        "contactAllowed", "goodFaith", "unknownField",
    ];

    public static JsonObject ValidReport(string title) =>
        JsonNode.Parse(JsonSerializer.Serialize(SystemUnderTest.Report("hub-h", "org/hostile", title, "rita@example.org")))!.AsObject();

    /// <summary>A value of any JSON type, hostile strings included, nested up to <paramref name="depth"/>.</summary>
    public static Gen<JsonNode?> Value(int depth) =>
        depth <= 0
            ? Leaf
            : Gen.Frequency(
                (6, Leaf),
                (1, Value(depth - 1).ListOf().Select(items => (JsonNode?)new JsonArray([.. items.Take(8).Select(i => i?.DeepClone())]))),
                (1, Gen.Zip(HostileText.Short, Value(depth - 1)).ListOf()
                    .Select(pairs => (JsonNode?)new JsonObject(pairs.Take(6).DistinctBy(p => p.Item1)
                        .Select(p => KeyValuePair.Create(p.Item1, p.Item2?.DeepClone()))))));

    private static Gen<JsonNode?> Leaf { get; } = Gen.OneOf(
        HostileText.Any.Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Elements<JsonNode?>(null, JsonValue.Create(true), JsonValue.Create(false), JsonValue.Create(0),
            JsonValue.Create(-1), JsonValue.Create(long.MaxValue), JsonValue.Create(1e308), JsonValue.Create(0.5m)));

    /// <summary>A valid report with one to three fields replaced, removed or added.</summary>
    public static Gen<HostileBody> MutatedReport { get; } =
        from title in HostileText.Short
        from mutations in Mutations(Paths)
        select Mutate(ValidReport(title), mutations);

    /// <summary>
    /// Any request body of another API: its valid form (from <paramref name="valid"/>, called per case) with
    /// one to three of <paramref name="paths"/> replaced, removed or added, or JSON that is not that body at all.
    /// </summary>
    public static Gen<HostileBody> RequestBody(Func<JsonObject> valid, IReadOnlyList<string> paths) =>
        Gen.Frequency(
            (1, Gen.Fresh(() => new HostileBody("valid", Encoding.UTF8.GetBytes(valid().ToJsonString())))),
            (6, Mutations(paths).Select(m => Mutate(valid(), m))),
            (2, Garbage),
            (1, Gen.Choose(0, 1_000).Select(seed => Broken(valid(), seed))));

    private static Gen<List<(string Path, (bool Set, JsonNode? Value) Change)>> Mutations(IReadOnlyList<string> paths) =>
        Gen.Zip(Gen.Elements(paths.ToArray()), Gen.Frequency((4, Value(2).Select(v => (true, v))), (1, Gen.Constant((false, (JsonNode?)null)))))
            .ListOf().Select(m => m.Take(3).ToList());

    /// <summary>The valid body cut short, or with a byte that is not UTF-8 in it.</summary>
    private static HostileBody Broken(JsonObject valid, int seed)
    {
        var bytes = Encoding.UTF8.GetBytes(valid.ToJsonString());
        return seed % 2 == 0
            ? new HostileBody("truncated", bytes[..Math.Max(1, bytes.Length - 1 - seed % bytes.Length)])
            : new HostileBody("invalid UTF-8", [.. bytes[..(bytes.Length / 2)], 0xC0, 0xAF, .. bytes[(bytes.Length / 2)..]]);
    }

    /// <summary>JSON that is not a report at all: any value, deep nesting, or broken bytes.</summary>
    public static Gen<HostileBody> Garbage { get; } = Gen.OneOf(
        Value(3).Select(v => new HostileBody("random JSON", Encoding.UTF8.GetBytes(v?.DeepClone().ToJsonString() ?? "null"))),
        Gen.Choose(10, 5_000).Select(depth => new HostileBody($"nested {depth}",
            Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth)))),
        Gen.Choose(10, 2_000).Select(depth => new HostileBody($"nested objects {depth}",
            Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"model\":", depth)) + "1" + new string('}', depth)))),
        Gen.Choose(1, 400).Select(cut => Truncated(cut)),
        Gen.Elements(new byte[] { 0xC0, 0xAF }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xFF, 0xFE }, new byte[] { 0xEF, 0xBB, 0xBF })
            .Select(bad => InvalidUtf8(bad)));

    private static HostileBody Mutate(JsonObject report, List<(string Path, (bool Set, JsonNode? Value) Change)> mutations)
    {
        foreach (var (path, (set, value)) in mutations)
        {
            var parts = path.Split('.');
            JsonNode? parent = report;
            foreach (var part in parts[..^1])
            {
                parent = parent is JsonArray array && int.TryParse(part, out var i) && i < array.Count ? array[i]
                    : parent is JsonObject obj ? obj[part] : null;
            }

            var last = parts[^1];
            switch (parent)
            {
                case JsonObject obj when set:
                    obj[last] = value?.DeepClone();
                    break;
                case JsonObject obj:
                    obj.Remove(last);
                    break;
                case JsonArray array when int.TryParse(last, out var index) && index < array.Count:
                    array[index] = set ? value?.DeepClone() : null;
                    break;
            }
        }

        return new HostileBody($"mutated {string.Join(", ", mutations.Select(m => m.Path))}", Encoding.UTF8.GetBytes(report.ToJsonString()));
    }

    private static HostileBody Truncated(int cut)
    {
        var text = ValidReport("Truncated").ToJsonString();
        return new HostileBody($"truncated at {cut}", Encoding.UTF8.GetBytes(text[..Math.Min(cut, text.Length - 1)]));
    }

    private static HostileBody InvalidUtf8(byte[] bad)
    {
        var text = Encoding.UTF8.GetBytes(ValidReport("Bytes").ToJsonString());
        var at = Array.IndexOf(text, (byte)'B');
        return new HostileBody($"invalid UTF-8 {Convert.ToHexString(bad)}", [.. text[..at], .. bad, .. text[at..]]);
    }
}
