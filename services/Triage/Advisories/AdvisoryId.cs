using System.Text.RegularExpressions;

namespace SafetyReports.Triage.Advisories;

/// <summary><c>SR-{year}-{number}</c>, the number counted from 1 within the year the advisory was first published, at least four digits.</summary>
public static partial class AdvisoryId
{
    public static string Format(int year, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"SR-{year:0000}-{number:0000}");

    public static bool IsWellFormed(string text) => Pattern().IsMatch(text);

    [GeneratedRegex(@"^SR-\d{4}-\d{4,9}\z")]
    private static partial Regex Pattern();
}
