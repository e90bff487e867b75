namespace SafetyReports.Triage.Similarity;

/// <summary>
/// MinHash over word shingles: the share of equal positions in two signatures estimates the Jaccard similarity of the
/// two reports' sets of <see cref="ShingleWords"/>-word shingles. Every hash is fixed (FNV-1a, then SplitMix64 with a
/// seed per position), so a signature is the same on every machine and release: it can be stored and compared later.
/// </summary>
public static class MinHash
{
    public const int Length = 64;
    public const int ShingleWords = 3;

    private static readonly ulong[] Seeds = [.. Enumerable.Range(1, Length).Select(i => SplitMix64((ulong)i * 0x9E3779B97F4A7C15UL))];

    /// <summary>The signature of <paramref name="words"/>; a text with no words has none (an empty array, similar to nothing).</summary>
    public static ulong[] Signature(IReadOnlyList<string> words)
    {
        if (words.Count == 0)
        {
            return [];
        }

        var signature = Enumerable.Repeat(ulong.MaxValue, Length).ToArray();
        foreach (var shingle in Shingles(words))
        {
            var hash = Fnv1a(shingle);
            for (var i = 0; i < Length; i++)
            {
                var value = SplitMix64(hash ^ Seeds[i]);
                if (value < signature[i])
                {
                    signature[i] = value;
                }
            }
        }

        return signature;
    }

    /// <summary>The estimated Jaccard similarity, 0 to 1; 0 when either has no signature.</summary>
    public static double Similarity(IReadOnlyList<ulong> a, IReadOnlyList<ulong> b)
    {
        if (a.Count != Length || b.Count != Length)
        {
            return 0;
        }

        var equal = 0;
        for (var i = 0; i < Length; i++)
        {
            equal += a[i] == b[i] ? 1 : 0;
        }

        return (double)equal / Length;
    }

    /// <summary>Overlapping runs of <see cref="ShingleWords"/> words; a shorter text is one shingle.</summary>
    private static IEnumerable<string> Shingles(IReadOnlyList<string> words)
    {
        if (words.Count <= ShingleWords)
        {
            yield return string.Join(' ', words);
            yield break;
        }

        for (var i = 0; i + ShingleWords <= words.Count; i++)
        {
            yield return string.Join(' ', words.Skip(i).Take(ShingleWords));
        }
    }

    public static ulong Fnv1a(string text)
    {
        var hash = 0xcbf29ce484222325UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 0x100000001b3UL;
        }

        return hash;
    }

    public static ulong SplitMix64(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
