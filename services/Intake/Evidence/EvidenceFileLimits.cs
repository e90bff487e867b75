namespace SafetyReports.Intake.Evidence;

/// <summary>
/// How many evidence files a report may carry and how large they and their images may be. The counts and sizes come from
/// <c>SafetyReports:Intake:EvidenceFiles</c> (<see cref="From"/>); the image limits are fixed.
/// </summary>
public sealed record EvidenceFileLimits
{
    public const long MiB = 1024 * 1024;

    /// <summary>The most files an operator may allow per report.</summary>
    public const int MostFiles = 20;

    /// <summary>The largest file an operator may allow: a file is one MongoDB document (16 MiB with its fields).</summary>
    public const long MostFileBytes = 15 * MiB;

    /// <summary>
    /// The most an operator may allow per report: a report's files are held in memory while they are checked and handed over,
    /// and the form's body is read whole (<see cref="RequestCeiling"/> stays under the form reader's 128 MiB).
    /// </summary>
    public const long MostTotalBytes = 60 * MiB;

    /// <summary>Kestrel's own limit on any request body, which the submission routes raise to <see cref="RequestCeiling"/>.</summary>
    public const long ServerDefaultRequestBytes = 30_000_000;

    public static readonly EvidenceFileLimits Default = new();

    public static EvidenceFileLimits From(IntakeOptions.EvidenceFileOptions options) =>
        new() { MaxFiles = options.MaxFiles, MaxFileBytes = options.MaxFileBytes, MaxTotalBytes = options.MaxTotalBytes };

    /// <summary>Why these settings cannot be used, or null when they can.</summary>
    public static string? Problem(IntakeOptions.EvidenceFileOptions options) =>
        options.MaxFiles is < 1 or > MostFiles || options.MaxFileBytes is < 1 or > MostFileBytes
        || options.MaxTotalBytes < options.MaxFileBytes || options.MaxTotalBytes > MostTotalBytes
            ? $"{IntakeOptions.Section}:EvidenceFiles: MaxFiles 1 to {MostFiles}, MaxFileBytes 1 to {MostFileBytes} ({MostFileBytes / MiB} MiB), "
              + $"MaxTotalBytes from MaxFileBytes to {MostTotalBytes} ({MostTotalBytes / MiB} MiB)."
            : null;

    /// <summary>
    /// How large a submission's request body may be (the form's post, the API's multipart body): twice the files' total plus
    /// room for the report's text and the multipart framing, and never less than the server's own default. A body up to
    /// this size is read and answered with the usual refusal (the form with its field error, the API's 413); a larger one is
    /// cut off by the server, so a sender cannot make it read without end.
    /// </summary>
    public long RequestCeiling => Math.Max(ServerDefaultRequestBytes, 2 * MaxTotalBytes + MiB);

    public int MaxFiles { get; init; } = 5;

    public long MaxFileBytes { get; init; } = 10 * MiB;

    public long MaxTotalBytes { get; init; } = 25 * MiB;

    /// <summary>Width × height an image may declare; decoding a larger one could take gigabytes (a decompression bomb).</summary>
    public long MaxImagePixels { get; init; } = 40_000_000;

    /// <summary>Frames an image may have: a still is re-encoded, an animation would be re-encoded as its first frame only.</summary>
    public int MaxImageFrames { get; init; } = 1;
}
