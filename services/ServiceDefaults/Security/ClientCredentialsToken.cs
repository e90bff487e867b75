using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using SafetyReports.ServiceDefaults.Hosting;

namespace SafetyReports.ServiceDefaults.Security;

/// <summary>What a service's own OAuth client asks Identity's token endpoint for (client credentials).</summary>
/// <param name="Section">The configuration section the settings come from, named when the secret is missing.</param>
/// <param name="TokenUrl">The token endpoint; null is <c>connect/token</c> under <c>SafetyReports:Identity:Issuer</c>.</param>
public sealed record ClientCredentials(string Section, string ClientId, string? ClientSecret, string Scope, string? TokenUrl);

/// <summary>
/// A service's own access token for another service's internal endpoint (client credentials of one scope), kept until a minute
/// before it expires or until the other service refuses it, so a pull does not cost a token request each time.
/// </summary>
public abstract class ClientCredentialsToken(IHttpClientFactory clients, IOptions<IdentityAuthorityOptions> authority, TimeProvider clock)
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _lock = new(1, 1);
    private (string Token, DateTimeOffset Until)? _current;

    /// <summary>The named HTTP client that reaches the token endpoint.</summary>
    protected abstract string HttpClientName { get; }

    protected abstract ClientCredentials Credentials { get; }

    /// <summary>The exception the caller expects when no token can be had.</summary>
    protected abstract Exception Failure(string message);

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

    /// <summary>The other service refused the token (a key rolled over, the client changed): the next call asks for a new one.</summary>
    public void Forget() => _current = null;

    private async Task<(string Token, DateTimeOffset Until)> RequestAsync(CancellationToken cancellationToken)
    {
        var settings = Credentials;
        if (string.IsNullOrEmpty(settings.ClientSecret))
        {
            throw Failure($"{settings.Section}:ClientSecret is not set: no token for the client {settings.ClientId} (scope {settings.Scope}).");
        }

        var issuer = authority.Value.Issuer is { Length: > 0 } configured ? configured : TokenValidationExtensions.DefaultIssuer;
        var tokenUrl = settings.TokenUrl ?? issuer.TrimEnd('/') + "/connect/token";
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = settings.ClientId,
            ["client_secret"] = settings.ClientSecret,
            ["scope"] = settings.Scope,
        });
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(HttpClientName).PostAsync(new Uri(tokenUrl, UriKind.Absolute), body, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw Failure($"The token endpoint could not be reached for the client {settings.ClientId}: {ex.Message}");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw Failure($"The token endpoint answered {(int)response.StatusCode} to the client {settings.ClientId}.");
            }

            var answer = await response.Content.ReadFromJsonAsync<TokenAnswer>(cancellationToken)
                ?? throw Failure("The token endpoint answered without a token.");
            var lifetime = TimeSpan.FromSeconds(Math.Max(0, answer.ExpiresIn)) - Margin;
            return (answer.AccessToken, clock.GetUtcNow() + (lifetime > TimeSpan.Zero ? lifetime : TimeSpan.Zero));
        }
    }

    private sealed record TokenAnswer(
        [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
        [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] long ExpiresIn);
}
