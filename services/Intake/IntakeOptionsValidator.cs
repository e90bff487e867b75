namespace SafetyReports.Intake;

public sealed class IntakeOptionsValidator(IOptions<StorageOptions> storage) : OptionsValidator<IntakeOptions>
{
    protected override IEnumerable<string> Failures(IntakeOptions o)
    {
        if (o.ProofOfWork.Difficulty is < 0 or > ProofOfWork.MaxDifficulty
            || o.RateLimit.PermitsPerMinute <= 0 || o.RateLimit.UnchallengedPermitsPerMinute <= 0
            || o.ProofOfWork.ChallengeLifetime <= TimeSpan.Zero || o.FoldWindow <= TimeSpan.Zero || o.IdempotencyRetention <= TimeSpan.Zero
            || !(string.IsNullOrEmpty(o.TransparencySource) || Uri.TryCreate(o.TransparencySource, UriKind.Absolute, out var source) && source.Scheme is "http" or "https"))
        {
            yield return $"{IntakeOptions.Section}: difficulty 0 to {ProofOfWork.MaxDifficulty}, positive rate limits, lifetime and fold window; TransparencySource an absolute http(s) URL.";
        }

        if (Evidence.EvidenceFileLimits.Problem(o.EvidenceFiles) is { } evidenceFiles)
        {
            yield return evidenceFiles;
        }

        if (o.RateLimit.Counters == RateCounterStoreKind.MongoDb && string.IsNullOrWhiteSpace(storage.Value.MongoDbConnectionString))
        {
            yield return $"{IntakeOptions.Section}:RateLimit:Counters is MongoDb but ConnectionStrings:MongoDb is not set.";
        }
    }
}
