namespace SafetyReports.Triage.Similarity;

/// <summary>
/// A report's MinHash signature and its LSH bands: <see cref="Bands"/> bands of <see cref="Rows"/> positions each. Two
/// reports that share a band are candidates (a lookup in the band index); their signatures then estimate how similar
/// they are. With 16 bands of 4, reports at a Jaccard similarity of 0.5 share a band with a chance of 0.64, at 0.7 of 0.98.
/// </summary>
public sealed record ReportSignature(IReadOnlyList<ulong> Values)
{
    public const int Bands = 16;
    public const int Rows = MinHash.Length / Bands;

    public static ReportSignature Of(Report report) => new(MinHash.Signature(SimilarityText.Words(report)));

    /// <summary>One key per band ("band number-hash of its rows"); none for a text without words.</summary>
    public IReadOnlyList<string> BandKeys()
    {
        if (Values.Count != MinHash.Length)
        {
            return [];
        }

        var keys = new string[Bands];
        for (var band = 0; band < Bands; band++)
        {
            var rows = string.Join(',', Values.Skip(band * Rows).Take(Rows).Select(v => v.ToString("x16", CultureInfo.InvariantCulture)));
            keys[band] = $"{band:D2}-{MinHash.Fnv1a(rows):x16}";
        }

        return keys;
    }

    public double SimilarityTo(ReportSignature other) => MinHash.Similarity(Values, other.Values);

    /// <summary>The stored form: 16 hex digits per position, empty for no signature.</summary>
    public string Serialize() => string.Concat(Values.Select(v => v.ToString("x16", CultureInfo.InvariantCulture)));

    public static ReportSignature Parse(string? stored)
    {
        if (string.IsNullOrEmpty(stored) || stored.Length != MinHash.Length * 16)
        {
            return new ReportSignature([]);
        }

        return new ReportSignature([.. Enumerable.Range(0, MinHash.Length)
            .Select(i => ulong.Parse(stored.AsSpan(i * 16, 16), NumberStyles.HexNumber, CultureInfo.InvariantCulture))]);
    }
}
