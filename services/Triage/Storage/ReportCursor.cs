namespace SafetyReports.Triage.Storage;

/// <summary>
/// Where a page ended, opaque to clients: the last item's sort key (received time, or deadline for the
/// deadline order) and id. A newest-first cursor keeps the original two-part form, so old cursors still work.
/// </summary>
public sealed record ReportCursor(DateTimeOffset Position, Guid Id, ReportSort Sort = ReportSort.Newest)
{
    public string Encode()
    {
        var prefix = Sort switch
        {
            ReportSort.Oldest => "o:",
            ReportSort.Deadline => "d:",
            _ => "",
        };
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $"{prefix}{Position.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}:{Id:N}"));
    }

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
            var sort = parts.Length == 3 ? parts[0] switch { "o" => ReportSort.Oldest, "d" => ReportSort.Deadline, _ => (ReportSort?)null } : ReportSort.Newest;
            var offset = parts.Length - 2;
            if (sort is not null && parts.Length is 2 or 3
                && long.TryParse(parts[offset], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms)
                && ms is >= -62135596800000 and <= 253402300799999
                && Guid.TryParseExact(parts[offset + 1], "N", out var id))
            {
                cursor = new ReportCursor(DateTimeOffset.FromUnixTimeMilliseconds(ms), id, sort.Value);
                return true;
            }
        }
        catch (FormatException)
        {
        }

        return false;
    }
}
