using System.Net.Http.Headers;

namespace SafetyReports.IntegrationTests.Hardening;

/// <summary>What every response must carry, and every cookie, as a list of faults (empty when hardened).</summary>
public static class ResponseHeaderRules
{
    public static IEnumerable<string> Faults(HttpResponseMessage response)
    {
        var headers = response.Headers;
        var policy = Single(headers, "Content-Security-Policy");
        if (policy is null)
        {
            yield return "no Content-Security-Policy";
        }
        else if (policy.Contains("'unsafe-inline'", StringComparison.Ordinal) || policy.Contains("'unsafe-eval'", StringComparison.Ordinal))
        {
            yield return $"CSP allows unsafe code: {policy}";
        }

        var framing = policy?.Contains("frame-ancestors 'none'", StringComparison.Ordinal) == true
            || string.Equals(Single(headers, "X-Frame-Options"), "DENY", StringComparison.OrdinalIgnoreCase);
        if (!framing)
        {
            yield return "framing allowed (no frame-ancestors 'none', no X-Frame-Options DENY)";
        }

        if (!string.Equals(Single(headers, "X-Content-Type-Options"), "nosniff", StringComparison.OrdinalIgnoreCase))
        {
            yield return "no X-Content-Type-Options: nosniff";
        }

        if (Single(headers, "Referrer-Policy") is not ("no-referrer" or "same-origin" or "strict-origin" or "strict-origin-when-cross-origin"))
        {
            yield return "no restrictive Referrer-Policy";
        }

        var https = response.RequestMessage?.RequestUri?.Scheme == Uri.UriSchemeHttps;
        if (https && Single(headers, "Strict-Transport-Security") is null)
        {
            yield return "https without Strict-Transport-Security";
        }

        foreach (var cookie in headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [])
        {
            foreach (var fault in CookieFaults(cookie, https))
            {
                yield return fault;
            }
        }
    }

    /// <summary>HttpOnly and SameSite always; Secure when the answer came over https.</summary>
    public static IEnumerable<string> CookieFaults(string setCookie, bool https)
    {
        var attributes = setCookie.Split(';').Skip(1).Select(a => a.Trim().Split('=')[0].ToLowerInvariant()).ToHashSet();
        var name = setCookie.Split('=')[0];
        if (!attributes.Contains("httponly"))
        {
            yield return $"cookie {name} is not HttpOnly";
        }

        if (!attributes.Contains("samesite"))
        {
            yield return $"cookie {name} has no SameSite";
        }

        if (https && !attributes.Contains("secure"))
        {
            yield return $"cookie {name} is not Secure over https";
        }
    }

    private static string? Single(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}
