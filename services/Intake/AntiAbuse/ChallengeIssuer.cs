namespace SafetyReports.Intake.AntiAbuse;

/// <summary>
/// Issues stateless, short-lived challenges: a random value sealed with Data Protection and an
/// expiry, so any Intake replica sharing the key ring can check one without a lookup. Single use
/// is enforced separately, by the store's challenge ledger.
/// </summary>
public sealed class ChallengeIssuer(IDataProtectionProvider provider, IOptions<IntakeOptions> options, TimeProvider clock)
{
    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("SafetyReports.Intake.ProofOfWorkChallenge.v1").ToTimeLimitedDataProtector();

    public int Difficulty => options.Value.ProofOfWork.Difficulty;

    public TimeSpan Lifetime => options.Value.ProofOfWork.ChallengeLifetime;

    public string Issue() =>
        _protector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)), clock.GetUtcNow() + options.Value.ProofOfWork.ChallengeLifetime);

    /// <returns>When the challenge expires, or null when it was not issued by us or has expired.</returns>
    public DateTimeOffset? ValidUntil(string challenge)
    {
        try
        {
            _protector.Unprotect(challenge, out var expiration);
            return expiration > clock.GetUtcNow() ? expiration : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
