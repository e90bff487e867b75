using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace SafetyReports.IntegrationTests.Identity;

/// <summary>
/// What a browser does in the authorization code flow, without JavaScript: follows the redirects by
/// hand (so each step can be checked), keeps cookies, and fills in the login form with its antiforgery token.
/// </summary>
internal sealed partial class OidcBrowser : IDisposable
{
    private readonly HttpClient _http;

    public OidcBrowser(string baseUrl)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = Cookies })
        {
            BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"),
        };
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http => _http;

    public sealed record Pkce(string Verifier, string Challenge)
    {
        public static Pkce Create()
        {
            var verifier = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            return new Pkce(verifier, challenge);
        }
    }

    public static string AuthorizeUrl(string clientId, string redirectUri, string scope, Pkce? pkce, string state = "state-1") =>
        QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri,
            ["scope"] = scope,
            ["state"] = state,
            ["code_challenge"] = pkce?.Challenge,
            ["code_challenge_method"] = pkce is null ? null : "S256",
        }.Where(p => p.Value is not null).ToDictionary());

    public async Task<HttpResponseMessage> GetAsync(string url) => await _http.GetAsync(url, TestContext.Current.CancellationToken);

    /// <summary>Loads the login page at <paramref name="loginUrl"/> and posts the form as a person would.</summary>
    public async Task<HttpResponseMessage> SubmitLoginAsync(string loginUrl, string email, string password, string? tokenOverride = null)
    {
        using var page = await GetAsync(loginUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = tokenOverride ?? HiddenValue(html, "__RequestVerificationToken"),
            ["ReturnUrl"] = HiddenValue(html, "ReturnUrl"),
            ["Email"] = email,
            ["Password"] = password,
        };
        return await _http.PostAsync("account/login", new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
    }

    /// <summary>The whole flow from /connect/authorize to the code: returns the redirect that carries it.</summary>
    public async Task<Uri> SignInForCodeAsync(string authorizeUrl, string email, string password)
    {
        using var toLogin = await GetAsync(authorizeUrl);
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        var loginUrl = toLogin.Headers.Location!;
        Assert.StartsWith("/account/login", loginUrl.IsAbsoluteUri ? loginUrl.PathAndQuery : loginUrl.OriginalString);

        using var posted = await SubmitLoginAsync(loginUrl.IsAbsoluteUri ? loginUrl.PathAndQuery : loginUrl.OriginalString, email, password);
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, $"login answered {(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        using var toClient = await GetAsync(posted.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, toClient.StatusCode);
        return toClient.Headers.Location!;
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> TokenAsync(Dictionary<string, string> form)
    {
        using var response = await _http.PostAsync("connect/token", new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    public static string? QueryValue(Uri uri, string name) =>
        QueryHelpers.ParseQuery(uri.Query).TryGetValue(name, out var value) ? value.ToString() : null;

    public static string HiddenValue(string html, string name)
    {
        foreach (Match input in InputTag().Matches(html))
        {
            var tag = input.Value;
            if (tag.Contains($"name=\"{name}\"", StringComparison.Ordinal))
            {
                return WebUtility.HtmlDecode(ValueAttribute().Match(tag).Groups[1].Value);
            }
        }

        throw new InvalidOperationException($"No input named {name} in the page.");
    }

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex InputTag();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();

    public void Dispose() => _http.Dispose();
}
