namespace SafetyReports.Triage.Storage;

/// <summary>How the SQLite adapter keeps a whole report in one JSON column beside its indexed fields.</summary>
internal static class ReportDocument
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(Report report) => JsonSerializer.Serialize(report, Options);

    public static Report Deserialize(string json) =>
        JsonSerializer.Deserialize<Report>(json, Options) ?? throw new InvalidDataException("Empty report document.");

    /// <summary>Lower-cased text the queue search looks in: title, description, evidence and model id.</summary>
    public static string SearchText(Report report) =>
        string.Join('\n', [report.Title, report.Description, .. report.Evidence.Select(e => e.Content), report.Model.Id]).ToLowerInvariant();
}
