namespace SafetyReports.Notification.Domain;

/// <summary>
/// Globs over model ids: <c>*</c> matches within one path segment, <c>**</c> across segments;
/// matching ignores case, as hubs do for repository names.
/// </summary>
public static class ModelPattern
{
    public const int MaxLength = 200;

    public static bool IsValid(string? pattern) =>
        !string.IsNullOrWhiteSpace(pattern) && pattern.Length <= MaxLength && !pattern.Any(char.IsWhiteSpace);

    public static bool Matches(string pattern, string modelId) =>
        Match(pattern.ToLowerInvariant(), 0, modelId.ToLowerInvariant(), 0);

    public static bool MatchesAny(IEnumerable<string> patterns, string modelId) =>
        patterns.Any(p => Matches(p, modelId));

    private static bool Match(string pattern, int p, string text, int t)
    {
        while (p < pattern.Length)
        {
            if (pattern[p] == '*')
            {
                var crossesSegments = p + 1 < pattern.Length && pattern[p + 1] == '*';
                var rest = p + (crossesSegments ? 2 : 1);
                for (var end = t; end <= text.Length; end++)
                {
                    if (Match(pattern, rest, text, end))
                    {
                        return true;
                    }

                    if (end < text.Length && text[end] == '/' && !crossesSegments)
                    {
                        return false;
                    }
                }

                return false;
            }

            if (t >= text.Length || pattern[p] != text[t])
            {
                return false;
            }

            p++;
            t++;
        }

        return t == text.Length;
    }
}
