namespace SafetyReports.Triage.Advisories;

/// <summary>The sentences both formats carry, made from the advisory's structured fields only (never anyone's free text but the approved summary).</summary>
public static class AdvisoryText
{
    public static HazardCategory? Category(string code) => HazardTaxonomy.Categories.FirstOrDefault(c => c.Code == code);

    public static string Details(Advisory advisory)
    {
        var text = new StringBuilder();
        if (advisory.Withdrawn is { } withdrawn)
        {
            text.Append(CultureInfo.InvariantCulture, $"Withdrawn on {AdvisoryTime.Date(withdrawn)}. ");
        }

        var label = Category(advisory.Category)?.Label ?? advisory.Category;
        foreach (var model in advisory.Affected)
        {
            text.Append(CultureInfo.InvariantCulture, $"A report of {label.ToLowerInvariant()} by the model {model.Id} on {model.Host}");
            if (model.Revisions.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $" (revision {string.Join(", ", model.Revisions)})");
            }

            text.Append(". ");
        }

        if (advisory.Severity is { } severity)
        {
            text.Append(CultureInfo.InvariantCulture, $"Severity: {severity}. ");
        }

        foreach (var response in advisory.HostResponses)
        {
            text.Append(CultureInfo.InvariantCulture, $"{response.Host} responded on {AdvisoryTime.Date(response.RespondedAt)}: {response.Action.Replace('_', ' ')}");
            text.Append(response.Scope is { } scope ? $" ({scope.Replace('_', ' ')}). " : ". ");
        }

        if (advisory.Summary is { } summary)
        {
            text.Append(summary);
        }

        return text.ToString().TrimEnd();
    }
}
