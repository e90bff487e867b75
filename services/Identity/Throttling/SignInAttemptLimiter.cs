namespace SafetyReports.Identity.Throttling;

/// <summary>
/// Counts sign-in form posts per client address. The login page asks it first, before the antiforgery
/// check and the password hash, so a refused post costs the server nothing and the page can say why.
/// </summary>
public sealed class SignInAttemptLimiter(IOptions<IdentityServiceOptions> options)
    : ClientAddressLimiter(options.Value.RateLimit.SignInAttemptsPerMinute);
