using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SafetyReports.Identity.Throttling;

/// <summary>
/// ASP.NET Core rate limiting on <c>POST /connect/token</c>, per client address. It runs before
/// authentication (ServiceDefaults puts the rate limiter there), so it also counts the requests OpenIddict
/// refuses for a wrong client secret, which never reach the endpoint. Above the limit: 429, Retry-After,
/// and a problem+json body.
/// </summary>
public sealed class TokenRequestLimitPolicy(IOptions<IdentityServiceOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "identity-token-requests";

    private readonly int _permitsPerMinute = options.Value.RateLimit.TokenRequestsPerMinute;

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, cancellationToken) =>
    {
        var seconds = ClientAddressLimiter.Seconds(ClientAddressLimiter.RetryAfter(context.Lease));
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Results.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests",
                detail: $"Too many token requests from this address. Try again in {seconds} seconds.")
            .ExecuteAsync(context.HttpContext);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        ClientAddressLimiter.Partition(ClientAddressLimiter.KeyOf(httpContext.Connection.RemoteIpAddress), _permitsPerMinute);
}
