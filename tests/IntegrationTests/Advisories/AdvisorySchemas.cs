using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace SafetyReports.IntegrationTests.Advisories;

/// <summary>
/// The vendored OSV and AVID schemas (Schemas/README.md) as validators. AVID's schema is generated from pydantic models that
/// ignore unknown members; <see cref="AvidStrict"/> is the same schema with every object closed, so a served AVID document
/// holds nothing the datamodel does not define.
/// </summary>
public static class AdvisorySchemas
{
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    public static JsonSchema Osv { get; } = Load("osv-schema.json", close: false);

    public static JsonSchema Avid { get; } = Load("avid-report.schema.json", close: false);

    public static JsonSchema AvidStrict { get; } = Load("avid-report.schema.json", close: true);

    /// <summary>Every error the schema finds in <paramref name="json"/>, as "location: message"; empty when it is valid.</summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = schema.Evaluate(document.RootElement, Options);
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))];
    }

    private static JsonSchema Load(string file, bool close)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Advisories", "Schemas", file)))!.AsObject();
        if (close)
        {
            Close(node);
            node["$id"] = node["$id"]!.GetValue<string>() + "?strict";
        }

        return JsonSchema.FromText(node.ToJsonString());
    }

    private static void Close(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["properties"] is JsonObject && obj["additionalProperties"] is null)
                {
                    obj["additionalProperties"] = false;
                }

                foreach (var (_, child) in obj.ToList())
                {
                    Close(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Close(child);
                }

                break;
        }
    }
}
