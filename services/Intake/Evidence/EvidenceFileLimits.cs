namespace SafetyReports.Intake.Evidence;

/// <summary>How many evidence files a report may carry and how large they and their images may be.</summary>
public sealed record EvidenceFileLimits
{
    public const long MiB = 1024 * 1024;

    public static readonly EvidenceFileLimits Default = new();

    public int MaxFiles { get; init; } = 5;

    public long MaxFileBytes { get; init; } = 10 * MiB;

    public long MaxTotalBytes { get; init; } = 25 * MiB;

    /// <summary>Width × height an image may declare; decoding a larger one could take gigabytes (a decompression bomb).</summary>
    public long MaxImagePixels { get; init; } = 40_000_000;

    /// <summary>Frames an image may have: a still is re-encoded, an animation would be re-encoded as its first frame only.</summary>
    public int MaxImageFrames { get; init; } = 1;
}
