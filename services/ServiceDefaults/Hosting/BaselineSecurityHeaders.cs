namespace SafetyReports.ServiceDefaults.Hosting;

/// <summary>
/// Headers every response of every service carries unless the endpoint set its own (the public site,
/// the sign-in pages and the portal set stricter, page-specific ones): no MIME sniffing, no referrer, no
/// framing, and for API answers a policy that allows nothing to load. HSTS is sent on https requests,
/// including those a trusted TLS-terminating proxy forwarded as https (see <see cref="TrustedProxies"/>).
/// </summary>
public static class BaselineSecurityHeaders
{
    public const string ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    public const string StrictTransportSecurity = "max-age=31536000";

    public static IApplicationBuilder UseBaselineSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.TryAdd("X-Content-Type-Options", "nosniff");
                headers.TryAdd("Referrer-Policy", "no-referrer");
                headers.TryAdd("X-Frame-Options", "DENY");
                headers.TryAdd("Content-Security-Policy", ContentSecurityPolicy);
                if (context.Request.IsHttps)
                {
                    headers.TryAdd("Strict-Transport-Security", StrictTransportSecurity);
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
}
