using System.Net.Sockets;

namespace SafetyReports.Notification.Webhooks;

/// <summary>
/// Checks a subscription URL when it is registered: absolute http(s) (https only unless private targets
/// are allowed), no user-info, and a target whose every address a webhook may reach. The connector checks
/// again at every attempt; this check is for a clear answer up front.
/// </summary>
public sealed class WebhookTargetValidator(bool allowPrivateNetworkTargets, HostNameResolver? resolver = null)
{
    public const int MaxUrlLength = 2_000;

    private readonly HostNameResolver _resolve = resolver ?? SystemDns.Resolve;

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

        // Uri accepts host names that IDNA then refuses (unassigned or disallowed code points): IdnHost throws.
        if (!TryIdnHost(uri, out var host))
        {
            return "The host name is not valid.";
        }

        if (NetworkTargetPolicy.IsCloudMetadataHostName(host))
        {
            return "Must not name a cloud metadata service.";
        }

        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await _resolve(host, cancellationToken);
        }
        catch (ArgumentException)
        {
            // Dns refuses names it cannot look up at all (e.g. longer than 255 characters).
            return "The host name is not valid.";
        }
        catch (SocketException)
        {
            // Development setups may name targets that only resolve later; production refuses what it cannot check.
            return allowPrivateNetworkTargets ? null : "The host name does not resolve.";
        }

        if (addresses.Length == 0)
        {
            return allowPrivateNetworkTargets ? null : "The host name does not resolve.";
        }

        return addresses.All(a => NetworkTargetPolicy.Allows(a, allowPrivateNetworkTargets))
            ? null
            : "The host resolves to a loopback, private, link-local, unique-local, multicast, reserved or cloud metadata address.";
    }

    private static bool TryIdnHost(Uri uri, out string host)
    {
        try
        {
            host = uri.IdnHost;
            return host.Length > 0;
        }
        catch (UriFormatException)
        {
            host = "";
            return false;
        }
    }
}
