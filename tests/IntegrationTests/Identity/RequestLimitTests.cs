using System.Globalization;
using System.Net;
using SafetyReports.IntegrationTests.Hardening;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Identity;

/// <summary>A Standalone system with small per-address limits, 127.0.0.1 as its trusted proxy.</summary>
public sealed class RequestLimitFixture : IAsyncLifetime
{
    public const int SignInAttempts = 3;
    public const int TokenRequests = 4;

    private StandaloneSystem? _system;

    public StandaloneSystem System => _system ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => _system = await StandaloneSystem.StartAsync(new Dictionary<string, string>
    {
        ["SafetyReports:Identity:RateLimit:SignInAttemptsPerMinute"] = SignInAttempts.ToString(CultureInfo.InvariantCulture),
        ["SafetyReports:Identity:RateLimit:TokenRequestsPerMinute"] = TokenRequests.ToString(CultureInfo.InvariantCulture),
        ["SafetyReports:Hosting:ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
    });

    public async ValueTask DisposeAsync()
    {
        if (_system is not null)
        {
            await _system.DisposeAsync();
        }
    }
}

/// <summary>
/// Identity's per-address limits on <c>POST /connect/token</c> and <c>POST /account/login</c>, against a real
/// Standalone system. Each test calls from its own loopback addresses (127.0.0.0/8), so they count apart.
/// </summary>
public sealed class RequestLimitTests(RequestLimitFixture fixture) : IClassFixture<RequestLimitFixture>
{
    private static readonly TestClient Client = TestClients.Triager;

    [Fact]
    public async Task Token_requests_over_the_limit_get_429_with_retry_after_even_with_the_right_secret_and_other_addresses_go_on()
    {
        using var guesser = SourceAddressClient.From("127.0.0.21");
        for (var i = 0; i < RequestLimitFixture.TokenRequests; i++)
        {
            using var wrong = await TokenAsync(guesser, "wrong-secret-" + i);
            // OpenIddict refuses a wrong secret (invalid_client) before the endpoint: the limit counts it all the same.
            Assert.Contains("invalid_client", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        using var limited = await TokenAsync(guesser, Client.Secret);
        await AssertTooManyAsync(limited, "application/problem+json");

        using var other = SourceAddressClient.From("127.0.0.22");
        using var allowed = await TokenAsync(other, Client.Secret);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Sign_in_posts_over_the_limit_get_429_with_retry_after_and_a_readable_message_on_the_page()
    {
        using var guesser = SourceAddressClient.From("127.0.0.31");
        for (var i = 0; i < RequestLimitFixture.SignInAttempts; i++)
        {
            using var wrong = await SignInAsync(guesser, "nobody@example.org", "not the password " + i);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("The e-mail or password is not right.", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        using var limited = await SignInAsync(guesser, "nobody@example.org", "one more");
        var page = await AssertTooManyAsync(limited, "text/html");
        var seconds = int.Parse(limited.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.Contains($"Too many sign-in attempts from your network. Wait {seconds} seconds, then try again.", page);
        Assert.Contains("<form method=\"post\"", page);

        using var other = SourceAddressClient.From("127.0.0.32");
        using var allowed = await SignInAsync(other, "nobody@example.org", "first try");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Behind_the_trusted_proxy_each_forwarded_client_is_counted_and_a_forwarded_address_from_elsewhere_is_not_believed()
    {
        using var proxy = SourceAddressClient.From("127.0.0.1");
        for (var i = 0; i < RequestLimitFixture.TokenRequests; i++)
        {
            using var answer = await TokenAsync(proxy, Client.Secret, forwardedFor: "198.51.100.1");
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        using (var limited = await TokenAsync(proxy, Client.Secret, forwardedFor: "198.51.100.1"))
        {
            await AssertTooManyAsync(limited, "application/problem+json");
        }

        using (var nextClient = await TokenAsync(proxy, Client.Secret, forwardedFor: "198.51.100.2"))
        {
            Assert.Equal(HttpStatusCode.OK, nextClient.StatusCode);
        }

        // Not the proxy: a new X-Forwarded-For on every request changes nothing, the caller is counted as itself.
        using var spoofer = SourceAddressClient.From("127.0.0.41");
        for (var i = 0; i < RequestLimitFixture.TokenRequests; i++)
        {
            using var answer = await TokenAsync(spoofer, Client.Secret, forwardedFor: $"203.0.113.{i + 1}");
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        using var spoofed = await TokenAsync(spoofer, Client.Secret, forwardedFor: "203.0.113.200");
        await AssertTooManyAsync(spoofed, "application/problem+json");
    }

    private async Task<HttpResponseMessage> TokenAsync(HttpClient http, string secret, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.System.Url + "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = Client.ClientId,
                ["client_secret"] = secret,
                ["scope"] = Client.Scope,
            }),
        };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Loads the login page (a GET is not counted) and posts its form with the page's own antiforgery token.</summary>
    private async Task<HttpResponseMessage> SignInAsync(HttpClient http, string email, string password)
    {
        using var page = await http.GetAsync(fixture.System.Url + "/account/login", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var cookie = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var request = new HttpRequestMessage(HttpMethod.Post, fixture.System.Url + "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = OidcBrowser.HiddenValue(html, "__RequestVerificationToken"),
                ["Email"] = email,
                ["Password"] = password,
            }),
        };
        request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<string> AssertTooManyAsync(HttpResponseMessage response, string mediaType)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.TooManyRequests, $"{(int)response.StatusCode}: {body}");
        var retryAfter = int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return body;
    }
}
