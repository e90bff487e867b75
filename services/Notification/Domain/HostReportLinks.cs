namespace SafetyReports.Notification.Domain;

/// <summary>
/// The link every report webhook carries to the report in the host API: the public base URL the operator
/// configured (<c>SafetyReports:Notification:PublicBaseUrl</c>) followed by the API path, or the path alone.
/// </summary>
public sealed class HostReportLinks
{
    /// <summary>Long enough for any deployment's address, short enough to keep every webhook body bounded.</summary>
    public const int MaxBaseLength = 500;

    public static readonly HostReportLinks PathOnly = new(null);

    private readonly string _base;

    public HostReportLinks(string? publicBaseUrl)
    {
        if (publicBaseUrl is not null && !IsValidBase(publicBaseUrl))
        {
            throw new ArgumentException("Not an absolute http(s) URL without user info, query or fragment.", nameof(publicBaseUrl));
        }

        _base = publicBaseUrl?.TrimEnd('/') ?? "";
    }

    public string For(Guid reportId) => $"{_base}/api/v1/host/reports/{reportId}";

    /// <summary>An absolute http or https URL (a path prefix allowed), without user info, query or fragment.</summary>
    public static bool IsValidBase(string? url) =>
        url is { Length: > 0 and <= MaxBaseLength }
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && uri.UserInfo.Length == 0 && uri.Host.Length > 0
        && !url.Any(c => c is '?' or '#' || char.IsWhiteSpace(c) || char.IsControl(c));
}
