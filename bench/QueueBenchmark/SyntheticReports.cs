using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;

namespace SafetyReports.Bench.QueueBenchmark;

/// <summary>
/// Deterministic reports with skewed, queue-like distributions: most reports closed, a backlog of open
/// ones, a few big hosts, Zipf-distributed models and words (so some words are in half the reports and
/// others in a handful), received times spread over two years.
/// </summary>
public sealed class SyntheticReports(int count, DateTimeOffset end, int seed = 42)
{
    /// <summary>A word planted in about 1 report in 10,000, to time a rare search.</summary>
    public const string RareWord = "quokkafraud";

    public static readonly string[] Assignees = Enumerable.Range(1, 12).Select(i => $"triager{i}@example.org").ToArray();

    private static readonly (string Value, double Weight)[] StatusWeights =
    [
        (ReportStatuses.Received, 12), (ReportStatuses.Triaging, 6), (ReportStatuses.NeedsInfo, 3), (ReportStatuses.Triaged, 4),
        (ReportStatuses.HostNotified, 5), (ReportStatuses.Acknowledged, 8), (ReportStatuses.Resolved, 40), (ReportStatuses.Rejected, 17),
        (ReportStatuses.Duplicate, 5),
    ];

    private static readonly (string? Value, double Weight)[] SeverityWeights = [(null, 20), ("low", 30), ("medium", 30), ("high", 15), ("critical", 5)];

    private static readonly (string Value, double Weight)[] HostWeights =
    [
        ("huggingface", 60), ("civitai", 14), ("ollama", 9), ("replicate", 7), ("modelscope", 4), ("kaggle", 3), ("github", 2), ("tensorhub", 1),
    ];

    private static readonly string[] CommonWords =
    [
        "model", "output", "prompt", "the", "gives", "instructions", "harmful", "content", "user", "asked", "response", "generated",
        "step", "detailed", "information", "without", "refusal", "safety", "filter", "bypass", "jailbreak", "roleplay", "system",
        "example", "attached", "screenshot", "repeatedly", "version", "weights", "download", "personal", "address", "phone", "email",
        "weapon", "chemical", "synthesis", "election", "medical", "dosage", "financial", "advice", "copyright", "lyrics", "defamatory",
        "claims", "about", "public", "figure", "minor", "explicit", "images", "hate", "speech", "slurs", "violent", "threats",
    ];

    public IEnumerable<Report> Generate()
    {
        var random = new Random(seed);
        var start = end - TimeSpan.FromDays(730);
        var step = TimeSpan.FromDays(730).Ticks / count;
        for (var i = 0; i < count; i++)
        {
            // Mostly in order, as they arrive, with some jitter (hand-overs retried later).
            var receivedAt = AuditChain.Truncate(start + TimeSpan.FromTicks(step * i + random.NextInt64(0, step * 50)));
            var host = Pick(random, HostWeights);
            var model = $"org{Zipf(random, 2000)}/model-{Zipf(random, 10)}";
            var status = Pick(random, StatusWeights);
            var title = Sentence(random, 4 + random.Next(6));
            var description = Sentence(random, 30 + random.Next(60));
            if (random.Next(10_000) == 0)
            {
                description += " " + RareWord;
            }

            yield return new Report
            {
                Id = NewGuid(random),
                Status = status,
                Version = 1 + random.Next(6),
                Model = new ModelReference(host, model),
                Category = HazardTaxonomy.Categories[Zipf(random, HazardTaxonomy.Categories.Count) - 1].Code,
                Severity = Pick(random, SeverityWeights),
                Title = char.ToUpperInvariant(title[0]) + title[1..],
                Description = description,
                Evidence = [.. Enumerable.Range(0, 1 + random.Next(3)).Select(_ => new EvidenceItem(random.Next(2) == 0 ? "prompt" : "output", Sentence(random, 10 + random.Next(30))))],
                ContactAllowed = random.Next(4) == 0,
                Assignee = random.Next(10) < 4 ? Assignees[Zipf(random, Assignees.Length) - 1] : null,
                ReceivedAt = receivedAt,
                UpdatedAt = receivedAt,
            };
        }
    }

    private static string Sentence(Random random, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => Word(random)));

    /// <summary>Half the words from a small common list, the rest from a long Zipf tail of 20,000 made-up words.</summary>
    private static string Word(Random random) =>
        random.Next(2) == 0 ? CommonWords[Zipf(random, CommonWords.Length) - 1] : TailWord(Zipf(random, 20_000));

    /// <summary>A made-up word per rank (base 85 in consonant-vowel pairs), distinct for every rank.</summary>
    public static string TailWord(int rank)
    {
        const string letters = "bcdfghjklmnprstvz";
        const string vowels = "aeiou";
        var word = new System.Text.StringBuilder("q");
        var n = rank;
        do
        {
            word.Append(letters[n % 17]).Append(vowels[n / 17 % 5]);
            n /= 85;
        }
        while (n > 0);
        return word.ToString();
    }

    /// <summary>A rank in 1..n with probability about proportional to 1/rank.</summary>
    private static int Zipf(Random random, int n) => Math.Min(n, (int)Math.Floor(Math.Exp(random.NextDouble() * Math.Log(n + 1))));

    private static T Pick<T>(Random random, (T Value, double Weight)[] weights)
    {
        var roll = random.NextDouble() * weights.Sum(w => w.Weight);
        foreach (var (value, weight) in weights)
        {
            roll -= weight;
            if (roll < 0)
            {
                return value;
            }
        }

        return weights[^1].Value;
    }

    private static Guid NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
