using SafetyReports.Intake.Storage;

namespace SafetyReports.Intake.AntiAbuse;

public enum GateVerdict
{
    Allowed,
    RateLimited,
    ProofMissing,
    ProofInvalid,
    ProofReused,
}

/// <param name="Unchallenged">Let through without a proof of work (the no-JavaScript form), under the stricter limit.</param>
public sealed record GateResult(GateVerdict Verdict, bool Unchallenged = false, TimeSpan RetryAfter = default, string? Detail = null);

/// <summary>
/// What a submission passes before anything is stored: the client's rate limit, then its proof of
/// work (checked, not expired, solved, and spent once). The limit is checked first, so failed proofs
/// count against the client too.
/// </summary>
public sealed class SubmissionGate(ChallengeIssuer challenges, ISubmissionStore store, SubmissionRateLimiter limiter, TimeProvider clock)
{
    /// <param name="proof">The <c>{challenge}:{nonce}</c> the client sent, if any.</param>
    /// <param name="allowUnchallenged">True for the HTML form, which must work without JavaScript.</param>
    public async Task<GateResult> CheckAsync(IPAddress? client, string? proof, bool allowUnchallenged, CancellationToken cancellationToken)
    {
        var difficulty = challenges.Difficulty;
        var unchallenged = difficulty > 0 && string.IsNullOrWhiteSpace(proof) && allowUnchallenged;
        var rate = await limiter.TryAcquireAsync(client, unchallenged, cancellationToken);
        if (!rate.Allowed)
        {
            return new GateResult(GateVerdict.RateLimited, RetryAfter: rate.RetryAfter,
                Detail: "Too many submissions from your network; try again later.");
        }

        if (difficulty <= 0 || unchallenged)
        {
            return new GateResult(GateVerdict.Allowed, unchallenged);
        }

        if (string.IsNullOrWhiteSpace(proof))
        {
            return new GateResult(GateVerdict.ProofMissing,
                Detail: $"Send {ProofOfWork.Header}: {{challenge}}:{{nonce}}; get a challenge from GET /api/v1/challenge.");
        }

        if (!ProofOfWork.TryParse(proof, out var challenge, out var nonce)
            || challenges.ValidUntil(challenge) is not { } expires
            || !ProofOfWork.IsSolved(challenge, nonce, difficulty))
        {
            return new GateResult(GateVerdict.ProofInvalid,
                Detail: "The proof of work is malformed, expired, not issued here, or does not meet the difficulty.");
        }

        if (!await store.TryConsumeChallengeAsync(SecretHasher.Hash(challenge), expires, clock.GetUtcNow(), cancellationToken))
        {
            return new GateResult(GateVerdict.ProofReused, Detail: "This challenge was already used; get a new one.");
        }

        return new GateResult(GateVerdict.Allowed);
    }
}
