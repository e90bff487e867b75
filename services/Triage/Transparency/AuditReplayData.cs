namespace SafetyReports.Triage.Transparency;

/// <summary>
/// Reads the fields of an audit entry's data. The domain serialises anonymous objects with the default
/// options, so nested records keep their C# names (<c>model.Host</c>) while the outer ones are camelCase:
/// names are matched ignoring case.
/// </summary>
internal readonly struct AuditReplayData(JsonElement root)
{
    public static AuditReplayData Parse(string data)
    {
        using var document = JsonDocument.Parse(data);
        return new AuditReplayData(document.RootElement.Clone());
    }

    public AuditReplayData? Object(string name) =>
        Find(name) is { ValueKind: JsonValueKind.Object } value ? new AuditReplayData(value) : null;

    public string? String(string name) => Find(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public bool Bool(string name) => Find(name) is { ValueKind: JsonValueKind.True };

    public DateTimeOffset? Time(string name) =>
        Find(name) is { ValueKind: JsonValueKind.String } value && value.TryGetDateTimeOffset(out var at) ? at : null;

    private JsonElement? Find(string name)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
