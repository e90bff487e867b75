using System.Net;
using SafetyReports.Notification.Domain;

namespace SafetyReports.Notification.Webhooks;

/// <summary>Checks a subscription URL when it is registered: absolute http(s), no user-info, a reachable public target.</summary>
public sealed class WebhookTargetValidator(bool allowPrivateNetworkTargets)
{
    public const int MaxUrlLength = 2_000;

    /// <returns>Null when the URL is acceptable, else why not.</returns>
    public async Task<string?> ValidateAsync(string? url, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "Must be an absolute URL.";
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(allowPrivateNetworkTargets && uri.Scheme == Uri.UriSchemeHttp))
        {
            return allowPrivateNetworkTargets ? "Must be http or https." : "Must be https.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "Must not contain a user name or password.";
        }

        if (allowPrivateNetworkTargets)
        {
            return null;
        }

        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.IdnHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.IdnHost, cancellationToken);
        }
        catch (System.Net.Sockets.SocketException)
        {
            return "The host name does not resolve.";
        }

        if (addresses.Length == 0 || addresses.Any(NetworkTargetPolicy.IsForbidden))
        {
            return "The host resolves to a private, loopback or otherwise reserved address.";
        }

        return null;
    }
}
