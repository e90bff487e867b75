namespace SafetyReports.Portal.Pages.Portal.Admin;

/// <summary>The model patterns of a new subscription, one per line (or separated by commas) in the form.</summary>
public static class SubscriptionPatterns
{
    public static IReadOnlyList<string> Parse(string? text) =>
        (text ?? "").Split(['\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
