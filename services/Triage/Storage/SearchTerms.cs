namespace SafetyReports.Triage.Storage;

/// <summary>
/// How the queue's <c>q</c> becomes a full-text query: the words of the text (runs of letters and digits,
/// case and punctuation ignored), every word required. Each word is quoted, so nothing the user types is
/// read as query syntax. Words match whole on both stores: a MongoDB text index has no prefix search, and
/// an FTS5 prefix query merges the lists of every matching term in memory (tens of milliseconds for a
/// common prefix at a million reports) where a whole word streams in key order.
/// </summary>
public static class SearchTerms
{
    public const int MaxWords = 16;

    public static IReadOnlyList<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }

        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words.Distinct().Take(MaxWords).ToList();
    }

    /// <summary>The FTS5 MATCH expression (quoted words, implicitly ANDed), or null when the text has no words (no filter).</summary>
    public static string? Fts5Match(string? text)
    {
        var words = Words(text);
        return words.Count == 0 ? null : string.Join(' ', words.Select(w => $"\"{w}\""));
    }

    /// <summary>The MongoDB <c>$text</c> search string: quoted words are ANDed (unquoted ones would be ORed).</summary>
    public static string? MongoSearch(string? text)
    {
        var words = Words(text);
        return words.Count == 0 ? null : string.Join(' ', words.Select(w => $"\"{w}\""));
    }
}
