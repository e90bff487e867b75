using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SafetyReports.IntegrationTests.Identity;

/// <summary>What a machine client does: ask <c>/connect/token</c> for a token, and read the JWT it gets.</summary>
internal static class TokenClient
{
    public sealed record TokenResponse(HttpStatusCode Status, JsonElement Body)
    {
        public string? AccessToken => Body.TryGetProperty("access_token", out var token) ? token.GetString() : null;

        public string? Error => Body.TryGetProperty("error", out var error) ? error.GetString() : null;
    }

    public static async Task<TokenResponse> RequestAsync(HttpClient http, string clientId, string clientSecret, string? scope)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        using var response = await http.PostAsync("connect/token", new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new TokenResponse(response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<string> AccessTokenAsync(HttpClient http, string clientId, string clientSecret, string? scope)
    {
        var response = await RequestAsync(http, clientId, clientSecret, scope);
        Assert.True(response.Status == HttpStatusCode.OK, $"token request failed: {response.Status} {response.Body}");
        return response.AccessToken ?? throw new InvalidOperationException("no access_token in a 200 response");
    }

    public static JsonElement Header(string jwt) => DecodePart(jwt, 0);

    public static JsonElement Payload(string jwt) => DecodePart(jwt, 1);

    public static async Task<HttpStatusCode> CallProtectedAsync(HttpClient http, string? accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, IdentityTestHost.ProtectedPath.TrimStart('/'));
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<IReadOnlyList<string>> JwksKeyIdsAsync(HttpClient http)
    {
        var discovery = await GetJsonAsync(http, ".well-known/openid-configuration");
        var jwks = await GetJsonAsync(http, discovery.GetProperty("jwks_uri").GetString()!);
        return jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!).ToList();
    }

    private static JsonElement DecodePart(string jwt, int index)
    {
        var parts = jwt.Split('.');
        Assert.Equal(3, parts.Length);
        var base64 = parts[index].Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(base64))).RootElement.Clone();
    }
}
