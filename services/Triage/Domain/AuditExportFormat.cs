namespace SafetyReports.Triage.Domain;

/// <summary>
/// The audit export: one entry per line (NDJSON), oldest first, each the same JSON object as
/// <c>GET /reports/{id}/audit</c> gives (camelCase fields, ISO 8601 times with milliseconds).
/// </summary>
public static class AuditExportFormat
{
    public const string ContentType = "application/x-ndjson";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Line(AuditEntry entry) => JsonSerializer.Serialize(entry, Options);

    /// <returns>The entry, or null when the line is not an audit entry.</returns>
    public static AuditEntry? Parse(string line)
    {
        try
        {
            var entry = JsonSerializer.Deserialize<AuditEntry>(line, Options);
            return entry is { Actor: not null, Action: not null, Data: not null, PreviousHash: not null, Hash: not null } ? entry : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
