using System.Globalization;
using System.Text;

namespace SafetyReports.Triage.Storage;

/// <summary>Where a page ended: the last item's received time and id, opaque to clients.</summary>
public sealed record ReportCursor(DateTimeOffset ReceivedAt, Guid Id)
{
    public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        $"{ReceivedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}:{Id:N}"));

    public static bool TryDecode(string? value, out ReportCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(value)).Split(':');
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
                && Guid.TryParseExact(parts[1], "N", out var id))
            {
                cursor = new ReportCursor(DateTimeOffset.FromUnixTimeMilliseconds(ms), id);
                return true;
            }
        }
        catch (FormatException)
        {
        }

        return false;
    }
}
