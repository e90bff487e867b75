using System.Net.Http.Headers;
using SafetyReports.Portal.Auth;

namespace SafetyReports.Portal.Clients;

/// <summary>Attaches the signed-in user's access token, read from their server-side session, to each API call.</summary>
public sealed class AccessTokenHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext is { } context
            && await context.GetTokenAsync(PortalSchemes.Cookie, "access_token") is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
