using System.Text.RegularExpressions;

namespace SafetyReports.Triage.Advisories;

/// <summary>
/// A position in the advisories ordered by modification: after (or, newest first, before) <see cref="Modified"/>, then
/// <see cref="Id"/>; a null id is the whole millisecond (a <c>since</c> timestamp: changes strictly after it).
/// </summary>
public sealed record AdvisoryCursor(DateTimeOffset Modified, string? Id);

/// <summary>
/// <c>GET /api/v1/advisories</c>: without <c>since</c>, newest modification first (<c>cursor</c> pages on); with <c>since</c>
/// (an RFC 3339 time or the <c>next</c> of an earlier answer), the change feed: every advisory modified after it, oldest
/// change first, so a client that stores <c>next</c> and asks again gets each change once. The store keeps modification times
/// strictly increasing (<see cref="Storage.IAdvisories.SaveAdvisoryAsync"/>), so a change committed later is never before a
/// position already handed out.
/// </summary>
public static partial class AdvisoryFeed
{
    public const string Path = "/api/v1/advisories";
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static string Encode(AdvisoryCursor cursor) =>
        $"{cursor.Modified.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}_{cursor.Id}";

    /// <summary>A cursor this API gave out, or (when <paramref name="timestamps"/>) an RFC 3339 time with its offset; null when neither.</summary>
    public static AdvisoryCursor? Decode(string text, bool timestamps)
    {
        var parts = text.Split('_', 2);
        if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            && ms is >= 0 and <= 253402300799999 && AdvisoryId.IsWellFormed(parts[1]))
        {
            return new AdvisoryCursor(DateTimeOffset.FromUnixTimeMilliseconds(ms), parts[1]);
        }

        return timestamps && Rfc3339().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? new AdvisoryCursor(DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds()), null)
            : null;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})\z")]
    private static partial Regex Rfc3339();
}
