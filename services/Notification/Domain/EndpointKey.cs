namespace SafetyReports.Notification.Domain;

/// <summary>
/// The receiver a subscription URL reaches, as scheme, host and port: the unit of isolation, so that
/// several subscriptions on one slow server share one lane and do not take the others' capacity.
/// </summary>
public static class EndpointKey
{
    public static string For(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? $"{uri.Scheme}://{(uri.HostNameType == UriHostNameType.IPv6 ? uri.Host : uri.IdnHost).ToLowerInvariant()}:{uri.Port}"
            : url.ToLowerInvariant();
}
