using System.Globalization;
using System.Text.Json;

namespace SafetyReports.Intake.Transparency;

/// <summary>One published disclosure as fields to list: the field's name as sent (<c>model.host</c>) and its value as text.</summary>
public sealed record DisclosureEntry(IReadOnlyList<(string Field, string Value)> Fields);

/// <summary>
/// The public entries about reports left unanswered past the disclosure deadline
/// (<c>GET /api/v1/transparency/disclosures</c>). Their exact shape is Triage's to define, so every scalar
/// field of each entry is listed as it comes (nested objects flattened, e.g. <c>model.host</c>): the page
/// never needs to change when a field is added. Accepts an array, or an object with <c>items</c>,
/// <c>entries</c> or <c>disclosures</c>.
/// </summary>
public sealed record DisclosureList(IReadOnlyList<DisclosureEntry> Entries)
{
    public const int MaxEntries = 500;

    public static DisclosureList? Parse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var items = Items(document.RootElement);
            if (items is null)
            {
                return null;
            }

            var entries = items.Value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Take(MaxEntries)
                .Select(e =>
                {
                    var fields = new List<(string, string)>();
                    Flatten(e, "", fields);
                    return new DisclosureEntry(fields);
                })
                .ToList();
            return new DisclosureList(entries);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement? Items(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root;
        }

        if (root.ValueKind == JsonValueKind.Object)
        {
            foreach (var name in new[] { "items", "entries", "disclosures" })
            {
                if (root.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array)
                {
                    return items;
                }
            }
        }

        return null;
    }

    private static void Flatten(JsonElement element, string prefix, List<(string, string)> fields)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = prefix + property.Name;
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    Flatten(property.Value, name + ".", fields);
                    break;
                case JsonValueKind.String:
                    fields.Add((name, property.Value.GetString()!));
                    break;
                case JsonValueKind.Number:
                    fields.Add((name, property.Value.GetRawText()));
                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    fields.Add((name, property.Value.GetBoolean().ToString(CultureInfo.InvariantCulture).ToLowerInvariant()));
                    break;
                case JsonValueKind.Null:
                    fields.Add((name, "—"));
                    break;
                case JsonValueKind.Array:
                    fields.Add((name, string.Join(", ", property.Value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()))));
                    break;
            }
        }
    }
}
