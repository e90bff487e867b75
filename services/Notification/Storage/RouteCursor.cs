using System.Buffers.Text;

namespace SafetyReports.Notification.Storage;

/// <summary>
/// Where a page of a host's reports ended: routes are listed newest first by (first event, report id),
/// so the next page starts strictly after the last one seen, whatever was added meanwhile.
/// </summary>
public sealed record RouteCursor(DateTimeOffset FirstEventAt, Guid ReportId)
{
    public static RouteCursor After(ReportRoute route) => new(route.FirstEventAt, route.ReportId);

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{FirstEventAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}:{ReportId:N}"));

    public static bool TryParse(string? text, out RouteCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > 100)
        {
            return false;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split(':');
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
                && ms <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
                && Guid.TryParseExact(parts[1], "N", out var id))
            {
                cursor = new RouteCursor(DateTimeOffset.FromUnixTimeMilliseconds(ms), id);
                return true;
            }
        }
        catch (FormatException)
        {
        }

        return false;
    }
}
