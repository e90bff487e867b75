using System.Text;

namespace SafetyReports.Portal.Queue;

/// <summary>A query string from name/value pairs: empty values are left out, everything is percent-encoded.</summary>
public static class UrlQuery
{
    public static string Build(IEnumerable<(string Name, string? Value)> pairs)
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in pairs)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            builder.Append(builder.Length == 0 ? '?' : '&')
                .Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value.Trim()));
        }

        return builder.ToString();
    }

    /// <summary>The URL with one more parameter, e.g. a Razor Pages <c>handler</c> on a page URL that may already carry filters.</summary>
    public static string Append(string url, string name, string value) =>
        url + (url.Contains('?') ? '&' : '?') + Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value);
}
