using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SafetyReports.IntegrationTests.Infrastructure;

/// <summary>Where each service of a running system answers (all the same URL in Standalone).</summary>
public sealed record ServiceUrls(string Identity, string Intake, string Triage, string Notification);

/// <summary>A thin client over the public HTTP contract, used by every end-to-end test.</summary>
/// <param name="http">The client to send with (over https: one that trusts the test certificate); disposed with this.</param>
public sealed class SystemUnderTest(ServiceUrls urls, HttpClient? http = null) : IDisposable
{
    private readonly HttpClient _http = http ?? new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Dictionary<string, string> _tokens = [];

    public ServiceUrls Urls { get; } = urls;

    public HttpClient Http => _http;

    public async Task<string> TokenAsync(TestClient client)
    {
        if (_tokens.TryGetValue(client.ClientId, out var cached))
        {
            return cached;
        }

        using var response = await _http.PostAsync(Url(Urls.Identity, "/connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.Secret,
            ["scope"] = client.Scope,
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"token request for {client.ClientId} failed: {(int)response.StatusCode} {body}");
        var token = JsonNode.Parse(body)!["access_token"]!.GetValue<string>();
        _tokens[client.ClientId] = token;
        return token;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string baseUrl, string path, TestClient? client = null, object? json = null, string? rawToken = null)
    {
        var request = new HttpRequestMessage(method, Url(baseUrl, path));
        var token = rawToken ?? (client is null ? null : await TokenAsync(client));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = JsonContent.Create(json);
        }

        return await _http.SendAsync(request);
    }

    public static object Report(string host, string modelId, string title, string? email = null) => new
    {
        model = new { host, id = modelId, revision = (string?)null, url = (string?)null },
        category = "violent-crimes",
        severity = "high",
        title,
        description = "The model gave step-by-step instructions.",
        evidence = new[] { new { kind = "prompt", content = "how do I …" }, new { kind = "output", content = "Step 1 …" } },
        reporter = new { name = email is null ? null : "Rita Reporter", email },
        contactAllowed = email is not null,
        goodFaith = true,
    };

    /// <summary>Submits a report and returns (id, status token).</summary>
    public async Task<(Guid Id, string Token)> SubmitAsync(object report, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Url(Urls.Intake, "/api/v1/reports")) { Content = JsonContent.Create(report) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"submit: {(int)response.StatusCode} {body}");
        var json = JsonNode.Parse(body)!;
        return (Guid.Parse(json["id"]!.GetValue<string>()), json["statusToken"]!.GetValue<string>());
    }

    /// <summary>The report as Triage shows it to maintainers, once Triage has it.</summary>
    public Task<JsonNode> TriageReportAsync(Guid id, Func<JsonNode, bool>? until = null, TimeSpan? timeout = null) =>
        Eventually.UntilAsync(async () =>
        {
            using var response = await SendAsync(HttpMethod.Get, Urls.Triage, $"/api/v1/triage/reports/{id}", TestClients.Triager);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            return until is null || until(report) ? report : null;
        }, timeout ?? TimeSpan.FromSeconds(60), $"report {id} in Triage");

    public static async Task<JsonNode> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(body) ?? throw new JsonException("empty body");
    }

    public static string Url(string baseUrl, string path) => baseUrl.TrimEnd('/') + path;

    public void Dispose() => _http.Dispose();
}
