using System.Net;
using SafetyReports.IntegrationTests.Identity;

namespace SafetyReports.IntegrationTests.Authorization;

/// <summary>
/// Signs a maintainer in to the portal (over plain HTTP unless given a handler for https), as a browser without JavaScript would:
/// /portal → Identity's login form (with its antiforgery token) → the code flow back to /portal.
/// The returned client carries the session cookies and does not follow redirects.
/// </summary>
internal static class PortalSession
{
    /// <param name="setCookies">Receives every Set-Cookie header of the sign-in, for the hardening checks.</param>
    /// <param name="handler">Builds the client's handler on the session's cookies (over https: one that trusts the test certificate); it must not follow redirects.</param>
    /// <param name="landing">Where the sign-in ends: the queue for maintainers, the host inbox (<c>/portal/host</c>) for host users.</param>
    public static async Task<HttpClient> SignInAsync(string baseUrl, string email, string password, List<string> setCookies,
        Func<CookieContainer, HttpMessageHandler>? handler = null, string landing = "/portal")
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(handler?.Invoke(cookies) ?? new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies })
        {
            BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"),
        };
        var cancel = TestContext.Current.CancellationToken;

        var login = await FollowAsync(http, await http.GetAsync("portal", cancel), setCookies);
        Assert.Contains("/account/login", login.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await login.Content.ReadAsStringAsync(cancel);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = OidcBrowser.HiddenValue(html, "__RequestVerificationToken"),
            ["ReturnUrl"] = OidcBrowser.HiddenValue(html, "ReturnUrl"),
            ["Email"] = email,
            ["Password"] = password,
        });
        using var portal = await FollowAsync(http, await http.PostAsync("account/login", form, cancel), setCookies);
        Assert.Equal(HttpStatusCode.OK, portal.StatusCode);
        Assert.Equal(landing, portal.RequestMessage!.RequestUri!.AbsolutePath);
        login.Dispose();
        return http;
    }

    /// <summary>
    /// Follows redirects (as GETs) until an answer that is not one, at most 10; collects the Set-Cookie headers on
    /// the way and, when asked, the path of every page it was sent to.
    /// </summary>
    public static async Task<HttpResponseMessage> FollowAsync(HttpClient http, HttpResponseMessage response, List<string> setCookies, List<string>? visited = null)
    {
        setCookies.AddRange(response.Headers.TryGetValues("Set-Cookie", out var first) ? first : []);
        for (var hops = 0; hops < 10 && (int)response.StatusCode is 301 or 302 or 303; hops++)
        {
            var location = response.Headers.Location!;
            response.Dispose();
            var next = location.IsAbsoluteUri ? location : new Uri(http.BaseAddress!, location);
            visited?.Add(next.AbsolutePath);
            response = await http.GetAsync(next, TestContext.Current.CancellationToken);
            setCookies.AddRange(response.Headers.TryGetValues("Set-Cookie", out var more) ? more : []);
        }

        return response;
    }
}
