namespace SafetyReports.Identity.Configuration;

/// <summary>
/// Per-client-address limits in fixed one-minute windows, bound from <c>SafetyReports:Identity:RateLimit</c>.
/// They come on top of the per-account lockout: they slow one address trying many accounts or many client
/// secrets, and bound the password and secret hashing an address can make the server do.
/// </summary>
public sealed class RequestLimitOptions
{
    public const int Max = 1_000_000;

    /// <summary>Sign-in form posts (<c>POST /account/login</c>) per address per minute.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>
    /// Token requests (<c>POST /connect/token</c>) per address per minute. The portal's server makes every
    /// maintainer's code exchange, so it needs room for a team signing in together.
    /// </summary>
    public int TokenRequestsPerMinute { get; set; } = 120;
}
