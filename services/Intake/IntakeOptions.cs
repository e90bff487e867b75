namespace SafetyReports.Intake;

/// <summary>Bound from <c>SafetyReports:Intake</c>.</summary>
public sealed class IntakeOptions
{
    public const string Section = "SafetyReports:Intake";

    /// <summary>
    /// Base URL of Triage's transparency API, which the public page <c>/transparency</c> reads. Empty: Triage's
    /// default local address (<c>http://localhost:5102/</c>); Standalone: its own address.
    /// </summary>
    public string? TransparencySource { get; set; }

    public ProofOfWorkOptions ProofOfWork { get; set; } = new();

    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>Near-identical submissions from one client within this window become one report.</summary>
    public TimeSpan FoldWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long an idempotency record (an encrypted copy of the first answer, token included) is kept;
    /// a retry with the same key after that creates a new report.
    /// </summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);

    public EvidenceFileOptions EvidenceFiles { get; set; } = new();

    public sealed class EvidenceFileOptions
    {
        /// <summary>
        /// Whether reports may carry evidence files (the form's file input, multipart on the API); on by default. Services
        /// running apart need Triage's evidence client (and Notification's, for the hosts' downloads) seeded in Identity
        /// (docs/intake.md, "Evidence files"); an operator who takes no files switches it off.
        /// </summary>
        public bool Enabled { get; set; } = true;

        /// <summary>Files a report may carry (1 to <see cref="Evidence.EvidenceFileLimits.MostFiles"/>).</summary>
        public int MaxFiles { get; set; } = 5;

        /// <summary>Bytes one file may have (1 to <see cref="Evidence.EvidenceFileLimits.MostFileBytes"/>: a file is one MongoDB document).</summary>
        public long MaxFileBytes { get; set; } = 10 * Evidence.EvidenceFileLimits.MiB;

        /// <summary>Bytes a report's files may have together (<see cref="MaxFileBytes"/> to <see cref="Evidence.EvidenceFileLimits.MostTotalBytes"/>).</summary>
        public long MaxTotalBytes { get; set; } = 25 * Evidence.EvidenceFileLimits.MiB;
    }

    public sealed class ProofOfWorkOptions
    {
        /// <summary>
        /// Leading zero bits of SHA-256 a proof needs; 0 turns proof of work off. 16 bits is 65,536
        /// hashes on average: about a second for a phone's browser (docs/intake.md has the figures).
        /// </summary>
        public int Difficulty { get; set; } = 16;

        public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(10);
    }

    public sealed class RateLimitOptions
    {
        /// <summary>Submissions (reports and answers) per client per minute.</summary>
        public int PermitsPerMinute { get; set; } = 6;

        /// <summary>Submissions per client per minute without a proof of work (the no-JavaScript form).</summary>
        public int UnchallengedPermitsPerMinute { get; set; } = 2;

        /// <summary>
        /// Where the windows are counted: this process's memory (the default), or MongoDB (<c>MongoDb</c>, with
        /// <c>ConnectionStrings:MongoDb</c>), which every replica shares; see docs/intake.md.
        /// </summary>
        public RateCounterStoreKind Counters { get; set; } = RateCounterStoreKind.InMemory;
    }
}

public enum RateCounterStoreKind
{
    InMemory,
    MongoDb,
}
