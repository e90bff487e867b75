namespace SafetyReports.Notification.Domain;

/// <summary>
/// Globs over model ids: <c>*</c> matches within one path segment, <c>**</c> (or any longer run of stars) across
/// segments; matching ignores case, as hubs do for repository names.
/// </summary>
/// <remarks>
/// Matching is greedy with backtracking only to the last star, so it takes at most pattern × model id steps
/// whatever the pattern (a recursive matcher took minutes on <c>*a*a*a*a*a*a*a*a*b</c>). The cap on wildcards
/// keeps patterns readable; it is checked where patterns are accepted, and stored patterns match whatever their count.
/// </remarks>
public static class ModelPattern
{
    public const int MaxLength = 200;

    /// <summary>Runs of stars counted once: <c>org/**</c> is one wildcard.</summary>
    public const int MaxWildcards = 8;

    public static bool IsValid(string? pattern) =>
        !string.IsNullOrWhiteSpace(pattern) && pattern.Length <= MaxLength && !pattern.Any(char.IsWhiteSpace)
        && CountWildcards(pattern) <= MaxWildcards;

    public static bool Matches(string pattern, string modelId) =>
        Match(pattern.ToLowerInvariant(), modelId.ToLowerInvariant());

    public static bool MatchesAny(IEnumerable<string> patterns, string modelId) =>
        patterns.Any(p => Matches(p, modelId));

    private static int CountWildcards(string pattern)
    {
        var count = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '*' && (i == 0 || pattern[i - 1] != '*'))
            {
                count++;
            }
        }

        return count;
    }

    private static bool Match(string pattern, string text)
    {
        int p = 0, t = 0;

        // Where to resume when the text stops matching: after the last '*' (one more character into it, never a
        // '/'), else after the last '**' (one more character, any). A '**' forgets the '*' before it: the leftmost
        // placement of everything before a '**' is always the one to keep.
        int segmentStarAt = -1, segmentStarText = 0;
        int anyStarAt = -1, anyStarText = 0;

        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                var run = StarRunLength(pattern, p);
                p += run;
                if (run > 1)
                {
                    (anyStarAt, anyStarText) = (p, t);
                    segmentStarAt = -1;
                }
                else
                {
                    (segmentStarAt, segmentStarText) = (p, t);
                }
            }
            else if (p < pattern.Length && pattern[p] == text[t])
            {
                p++;
                t++;
            }
            else if (segmentStarAt >= 0 && text[segmentStarText] != '/')
            {
                segmentStarText++;
                (p, t) = (segmentStarAt, segmentStarText);
            }
            else if (anyStarAt >= 0)
            {
                anyStarText++;
                (p, t) = (anyStarAt, anyStarText);
                segmentStarAt = -1;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static int StarRunLength(string pattern, int start)
    {
        var end = start;
        while (end < pattern.Length && pattern[end] == '*')
        {
            end++;
        }

        return end - start;
    }
}
