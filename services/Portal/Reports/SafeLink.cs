namespace SafetyReports.Portal.Reports;

/// <summary>
/// Which text from a report may become a link: only an absolute http(s) URL without user-info, spaces or
/// control characters. Anything else (javascript:, data:, file:, relative paths) is shown as plain text.
/// </summary>
public static class SafeLink
{
    public const int MaxLength = 2_000;

    public static Uri? HttpUrl(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https"
            && string.IsNullOrEmpty(uri.UserInfo)
            && !string.IsNullOrEmpty(uri.Host)
                ? uri
                : null;
    }
}
