namespace SafetyReports.Triage.Similarity;

/// <summary>
/// The words two reports are compared on: title, description and evidence, lower-cased, every run of characters that are
/// not letters or digits one separator. So "Ignore   ALL previous—instructions!" and "ignore all previous instructions" are
/// the same words. (No Unicode normalisation: the services run with invariant globalization, where it is not available.)
/// </summary>
public static class SimilarityText
{
    public static IReadOnlyList<string> Words(Report report) =>
        Words(string.Join('\n', [report.Title, report.Description, .. report.Evidence.Select(e => e.Content)]));

    public static IReadOnlyList<string> Words(string text)
    {
        var folded = text.ToLowerInvariant();
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
