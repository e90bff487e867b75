namespace SafetyReports.Triage.Disclosure;

/// <summary>The public list of disclosures: the policy in force, a page of entries, and where the next page starts.</summary>
public sealed record DisclosureListing(DisclosurePolicyView Policy, IReadOnlyList<DisclosureEntry> Items, string? NextCursor)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>A cursor is <c>{unix ms}_{id}</c> of the last entry of the previous page.</summary>
    public static string Encode(DisclosureCursor cursor) =>
        $"{cursor.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}_{cursor.Id:N}";

    public static DisclosureCursor? Decode(string text)
    {
        var parts = text.Split('_');
        return parts.Length == 2
               && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
               && ms is >= 0 and <= 253402300799999
               && Guid.TryParseExact(parts[1], "N", out var id)
            ? new DisclosureCursor(DateTimeOffset.FromUnixTimeMilliseconds(ms), id)
            : null;
    }
}

/// <summary>The disclosure policy as the public sees it; times in seconds, null when the policy is off.</summary>
public sealed record DisclosurePolicyView(bool Enabled, long? AfterSeconds, long? ReminderBeforeSeconds)
{
    public static DisclosurePolicyView From(DisclosureOptions options) => new(
        options.Enabled,
        options.After is { } after ? (long)after.TotalSeconds : null,
        options.Enabled ? (long)options.ReminderBefore.TotalSeconds : null);
}
