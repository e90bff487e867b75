namespace SafetyReports.Intake.AntiAbuse;

public sealed record RateDecision(bool Allowed, TimeSpan RetryAfter);

/// <summary>
/// Per-client fixed windows (<see cref="ClientWindowRule"/>): one for submissions that carry a proof of work, a
/// stricter one for those that do not. The choice depends on the request body, so endpoints ask here instead of
/// a route-level policy. The client is its <see cref="ClientAddressKey"/>; the windows are counted in
/// <see cref="IRateCounterStore"/> (this process's memory, or MongoDB shared by every replica).
/// </summary>
public sealed class SubmissionRateLimiter(IRateCounterStore counters, IOptions<IntakeOptions> options, TimeProvider clock)
{
    public async Task<RateDecision> TryAcquireAsync(IPAddress? address, bool unchallenged, CancellationToken cancellationToken)
    {
        var limits = options.Value.RateLimit;
        var (name, limit) = unchallenged ? ("unchallenged", limits.UnchallengedPermitsPerMinute) : ("submissions", limits.PermitsPerMinute);
        var now = clock.GetUtcNow();
        var answer = await counters.TryCountAsync($"{name}|{ClientAddressKey.Of(address)}", Math.Max(1, limit), now, ClientWindowRule.Length, cancellationToken);
        return answer.Counted
            ? new RateDecision(true, TimeSpan.Zero)
            : new RateDecision(false, ClientWindowRule.RetryAfter(answer.WindowStart, now, ClientWindowRule.Length));
    }
}
