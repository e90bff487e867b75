namespace SafetyReports.Intake.AntiAbuse;

/// <summary>
/// What makes two submissions "near-identical": the same model, category, title, description and
/// evidence, ignoring letter case and runs of white space. Severity and contact may differ.
/// </summary>
public static class NearDuplicateFingerprint
{
    public static string Of(ReportSubmissionRequest request)
    {
        var parts = new List<string?>
        {
            request.Model?.Host, request.Model?.Id, request.Category, request.Title, request.Description,
        };
        parts.AddRange((request.Evidence ?? []).Select(e => $"{e?.Kind}={e?.Content}"));
        var text = string.Join('\u001F', parts.Select(Normalize));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static string Normalize(string? value) =>
        string.Join(' ', (value ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
