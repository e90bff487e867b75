using Microsoft.Extensions.Options;
using SafetyReports.ServiceDefaults.Security;
using System.Net.Http.Json;

namespace SafetyReports.Triage.Evidence;

/// <summary>
/// Triage's own access token for Intake's evidence endpoint: client credentials with the <c>evidence:read</c> scope,
/// kept until shortly before it expires (or until Intake refuses it), so a hand-over does not cost a token request per file.
/// </summary>
public sealed class EvidenceAccessToken(
    IHttpClientFactory clients, IOptions<EvidenceHandoverOptions> options, IOptions<IdentityAuthorityOptions> authority, TimeProvider clock)
{
    public const string HttpClientName = "evidence-token";

    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _lock = new(1, 1);
    private (string Token, DateTimeOffset Until)? _current;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } current && current.Until > clock.GetUtcNow())
            {
                return current.Token;
            }

            var fresh = await RequestAsync(cancellationToken);
            _current = fresh;
            return fresh.Token;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Intake refused the token (a key rolled over, the client changed): the next call asks for a new one.</summary>
    public void Forget() => _current = null;

    private async Task<(string Token, DateTimeOffset Until)> RequestAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.ClientSecret))
        {
            throw new EvidencePullException(
                $"{EvidenceHandoverOptions.Section}:ClientSecret is not set: Triage cannot pull evidence files from Intake (docs/intake.md).");
        }

        var issuer = authority.Value.Issuer is { Length: > 0 } configured ? configured : TokenValidationExtensions.DefaultIssuer;
        var tokenUrl = settings.TokenUrl ?? issuer.TrimEnd('/') + "/connect/token";
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = settings.ClientId,
            ["client_secret"] = settings.ClientSecret,
            ["scope"] = Scopes.EvidenceRead,
        });
        using var response = await clients.CreateClient(HttpClientName).PostAsync(new Uri(tokenUrl, UriKind.Absolute), body, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new EvidencePullException($"The token endpoint answered {(int)response.StatusCode} to Triage's evidence client.");
        }

        var answer = await response.Content.ReadFromJsonAsync<TokenAnswer>(cancellationToken)
            ?? throw new EvidencePullException("The token endpoint answered without a token.");
        var lifetime = TimeSpan.FromSeconds(Math.Max(0, answer.ExpiresIn)) - Margin;
        return (answer.AccessToken, clock.GetUtcNow() + (lifetime > TimeSpan.Zero ? lifetime : TimeSpan.Zero));
    }

    private sealed record TokenAnswer(
        [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
        [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] long ExpiresIn);
}
