using System.Diagnostics;
using System.Net;
using System.Text;

namespace SafetyReports.IntegrationTests.HostileInput;

/// <summary>The answer to one hostile request, read whole, with how long it took.</summary>
public sealed record ProbeAnswer(HttpStatusCode Status, string? MediaType, string Body, TimeSpan Elapsed);

/// <summary>
/// Sends hostile requests synchronously (FsCheck properties are synchronous; HttpClient.Send is a real
/// synchronous API, so nothing blocks on a task) and checks what every answer must be.
/// </summary>
public sealed class HttpProbe(string baseUrl) : IDisposable
{
    /// <summary>Generous for a shared two-core machine; a pathological input (regex, nesting) takes far longer.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        // Header values go out as UTF-8 bytes, as a hostile client would send them.
        RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,
    })
    {
        BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"),
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>A JSON request with a bearer token (null: none), the body's bytes as they are.</summary>
    public ProbeAnswer SendJson(HttpMethod method, string path, byte[] body, string? bearer)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        return Send(request);
    }

    /// <summary>A GET with a bearer token.</summary>
    public ProbeAnswer Get(string pathAndQuery, string bearer)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        return Send(request);
    }

    public ProbeAnswer Send(HttpRequestMessage request)
    {
        var clock = Stopwatch.StartNew();
        using var response = _http.Send(request);
        using var reader = new StreamReader(response.Content.ReadAsStream());
        var body = reader.ReadToEnd();
        clock.Stop();
        return new ProbeAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, clock.Elapsed);
    }

    /// <summary>As <see cref="Send"/>, with the answer's Location header.</summary>
    public (ProbeAnswer Answer, string? Location) SendWithHeaders(HttpRequestMessage request)
    {
        var clock = Stopwatch.StartNew();
        using var response = _http.Send(request);
        using var reader = new StreamReader(response.Content.ReadAsStream());
        var body = reader.ReadToEnd();
        clock.Stop();
        return (new ProbeAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, clock.Elapsed), response.Headers.Location?.OriginalString);
    }

    /// <summary>No 5xx, in bounded time, and every 4xx is an RFC 9457 problem.</summary>
    public static void AssertApiAnswer(ProbeAnswer answer)
    {
        AssertNoServerError(answer);
        if ((int)answer.Status is >= 400 and < 500 && !IsProtocolRejection(answer))
        {
            Assert.Equal("application/problem+json", answer.MediaType);
            Assert.Contains($"\"status\":{(int)answer.Status}", answer.Body);
        }
    }

    /// <summary>
    /// Kestrel's own refusal (empty body, no content type) of a request it will not parse: 400 for a NUL
    /// in the path, 414 and 431 for a request line or headers beyond its limits. The application never
    /// sees such a request.
    /// </summary>
    public static bool IsProtocolRejection(ProbeAnswer answer) =>
        (int)answer.Status is 400 or 414 or 431 && answer.Body.Length == 0 && answer.MediaType is null;

    public static void AssertNoServerError(ProbeAnswer answer)
    {
        Assert.True((int)answer.Status < 500, $"{(int)answer.Status}: {answer.Body[..Math.Min(answer.Body.Length, 500)]}");
        Assert.True(answer.Elapsed < Bound, $"took {answer.Elapsed.TotalMilliseconds:F0} ms");
    }

    public void Dispose() => _http.Dispose();
}
