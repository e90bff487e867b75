namespace SafetyReports.Triage.Similarity;

/// <summary><c>SafetyReports:Triage:Similarity</c>: when reports count as near-duplicates, and when a cluster of them is a burst.</summary>
public sealed class SimilarityOptions
{
    public const string Section = "SafetyReports:Triage:Similarity";

    /// <summary>Reports about the same model received this close to a report form its cluster.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(2);

    /// <summary>The estimated Jaccard similarity (0–1) from which two reports count as near-duplicates.</summary>
    public double Threshold { get; set; } = 0.6;

    /// <summary>A cluster of at least this many reports…</summary>
    public int BurstSize { get; set; } = 10;

    /// <summary>…sent from at least this many different clients is a burst.</summary>
    public int BurstDistinctClients { get; set; } = 5;

    public bool IsValid() =>
        Window > TimeSpan.Zero && Window <= TimeSpan.FromDays(31) && Threshold is > 0 and <= 1
        && BurstSize is >= 2 and <= 10_000 && BurstDistinctClients >= 1 && BurstDistinctClients <= BurstSize;
}
