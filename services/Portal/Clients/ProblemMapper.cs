namespace SafetyReports.Portal.Clients;

/// <summary>
/// Turns an API error answer (RFC 9457 problem details, or anything else) into an <see cref="ApiProblem"/>.
/// Field names are kept as the API sends them, with binding paths such as <c>$.expectedVersion</c>
/// reduced to the field, so pages can put each message beside its input.
/// </summary>
public static class ProblemMapper
{
    public static ApiProblem Map(int status, string? body)
    {
        var outcome = status switch
        {
            400 or 422 => ApiOutcome.Invalid,
            401 => ApiOutcome.Unauthorized,
            403 => ApiOutcome.Forbidden,
            404 => ApiOutcome.NotFound,
            409 => ApiOutcome.Conflict,
            _ => ApiOutcome.Unavailable,
        };

        string? title = null;
        string? detail = null;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    title = StringOf(root, "title");
                    detail = StringOf(root, "detail");
                    if (root.TryGetProperty("errors", out var fields) && fields.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var field in fields.EnumerateObject())
                        {
                            var messages = field.Value.ValueKind switch
                            {
                                JsonValueKind.Array => field.Value.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!).ToArray(),
                                JsonValueKind.String => [field.Value.GetString()!],
                                _ => [],
                            };
                            if (messages.Length > 0)
                            {
                                var name = FieldName(field.Name);
                                errors[name] = errors.TryGetValue(name, out var earlier) ? [.. earlier, .. messages] : messages;
                            }
                        }
                    }
                }
            }
            catch (JsonException)
            {
                // Not problem details (a proxy's HTML page, say): the status alone says what happened.
            }
        }

        return new ApiProblem(outcome, status, title, detail, errors);
    }

    /// <summary><c>$.model.host</c> → <c>model.host</c>; <c>Email</c> → <c>email</c> (the forms' names are camelCase as in the JSON).</summary>
    public static string FieldName(string name)
    {
        var field = name.StartsWith("$.", StringComparison.Ordinal) ? name[2..] : name == "$" ? "" : name;
        return field.Length > 0 && char.IsUpper(field[0]) ? char.ToLowerInvariant(field[0]) + field[1..] : field;
    }

    private static string? StringOf(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
