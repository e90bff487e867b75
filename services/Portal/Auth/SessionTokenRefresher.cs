using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Logging;

namespace SafetyReports.Portal.Auth;

/// <summary>
/// Runs on every request that reads the portal cookie: when the access token is about to expire it is
/// exchanged for a new one with the refresh token, and the server-side session is updated. A refresh
/// token the provider refuses (expired, revoked, user locked out) ends the session, so the user signs in
/// again. Tokens never reach a log.
/// </summary>
public sealed partial class SessionTokenRefresher(
    IOptionsMonitor<OpenIdConnectOptions> oidcOptions,
    TimeProvider clock,
    ILogger<SessionTokenRefresher> logger)
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var now = clock.GetUtcNow();
        if (!AccessTokenLifetime.NeedsRefresh(context.Properties.GetTokenValue("expires_at"), now))
        {
            return;
        }

        var refreshToken = context.Properties.GetTokenValue("refresh_token");
        if (string.IsNullOrEmpty(refreshToken))
        {
            await EndSessionAsync(context, "no refresh token");
            return;
        }

        var options = oidcOptions.Get(PortalSchemes.OpenIdConnect);
        var cancellationToken = context.HttpContext.RequestAborted;
        try
        {
            var configuration = await options.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Post, configuration.TokenEndpoint)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "refresh_token",
                    ["refresh_token"] = refreshToken,
                    ["client_id"] = options.ClientId!,
                    ["client_secret"] = options.ClientSecret!,
                }),
            };
            using var response = await options.Backchannel.SendAsync(request, cancellationToken);
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized)
            {
                await EndSessionAsync(context, $"refresh refused ({(int)response.StatusCode})");
                return;
            }

            if (!response.IsSuccessStatusCode)
            {
                LogRefreshAnswered((int)response.StatusCode);
                return;
            }

            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            var root = body.RootElement;
            if (!root.TryGetProperty("access_token", out var accessToken) || accessToken.GetString() is not { Length: > 0 } access)
            {
                await EndSessionAsync(context, "refresh answered without an access token");
                return;
            }

            var expiresIn = root.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var seconds) ? seconds : 300;
            context.Properties.UpdateTokenValue("access_token", access);
            context.Properties.UpdateTokenValue("expires_at", AccessTokenLifetime.ExpiresAt(now, expiresIn));
            // Providers that rotate refresh tokens send a new one; the old one is then spent.
            if (root.TryGetProperty("refresh_token", out var newRefresh) && newRefresh.GetString() is { Length: > 0 } rotated)
            {
                context.Properties.UpdateTokenValue("refresh_token", rotated);
            }

            if (root.TryGetProperty("id_token", out var idToken) && idToken.GetString() is { Length: > 0 } id)
            {
                context.Properties.UpdateTokenValue("id_token", id);
            }

            context.ShouldRenew = true;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or InvalidOperationException or IOException)
        {
            LogRefreshFailed(ex.GetType().Name);
        }
    }

    private async Task EndSessionAsync(CookieValidatePrincipalContext context, string reason)
    {
        LogEnding(reason);
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(PortalSchemes.Cookie);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing a portal session's access token failed with {StatusCode}; trying again on the next request.")]
    private partial void LogRefreshAnswered(int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing a portal session's access token failed ({Error}); trying again on the next request.")]
    private partial void LogRefreshFailed(string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ending a portal session: {Reason}.")]
    private partial void LogEnding(string reason);
}
