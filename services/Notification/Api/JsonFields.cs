using SafetyReports.ServiceDefaults.Text;

namespace SafetyReports.Notification.Api;

/// <summary>
/// Reads the fields of a raw JSON body one by one, so that a wrong type is a field error naming the field
/// rather than a bare "bad request". Each reader records at most one error per field and returns null then.
/// </summary>
public static class JsonFields
{
    public const string ForbiddenCharacters = "Must not contain control characters or bidirectional overrides.";

    public const string NotUtf8 = "Must be valid UTF-8 text.";

    /// <summary>A body that is not a JSON object: the error to answer with, else null.</summary>
    public static Dictionary<string, string[]>? NotAnObject(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object ? null : new Dictionary<string, string[]> { [""] = ["The body must be a JSON object."] };

    /// <summary>True when the field is absent or null.</summary>
    public static bool IsAbsent(JsonElement body, string name) =>
        !body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null;

    /// <summary>Trimmed text of at most <paramref name="max"/> characters, free text rules applied (line breaks allowed); blank is absent.</summary>
    public static string? Text(JsonElement body, string name, Dictionary<string, string[]> errors, int max, bool required)
    {
        if (IsAbsent(body, name))
        {
            return Missing(name, errors, required);
        }

        var value = body.GetProperty(name);
        if (value.ValueKind != JsonValueKind.String)
        {
            errors[name] = ["Must be a string."];
            return null;
        }

        if (!TryGetString(value, out var raw))
        {
            errors[name] = [NotUtf8];
            return null;
        }

        var text = raw.Trim();
        if (text.Length == 0)
        {
            return Missing(name, errors, required);
        }

        if (text.Length > max)
        {
            errors[name] = [$"At most {max} characters."];
            return null;
        }

        if (TextRules.HasForbiddenCharacters(text, multiline: true))
        {
            errors[name] = [ForbiddenCharacters];
            return null;
        }

        return text;
    }

    /// <summary>An optional boolean: null when absent; anything but true, false or null is an error.</summary>
    public static bool? Boolean(JsonElement body, string name, Dictionary<string, string[]> errors)
    {
        if (IsAbsent(body, name))
        {
            return null;
        }

        var value = body.GetProperty(name);
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        errors[name] = ["Must be true, false or null."];
        return null;
    }

    /// <summary>
    /// The string's value; false when its bytes are not valid UTF-8, which parsing a body into a <see cref="JsonElement"/>
    /// does not check (binding a record would have refused the body).
    /// </summary>
    public static bool TryGetString(JsonElement value, out string text)
    {
        try
        {
            text = value.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    private static string? Missing(string name, Dictionary<string, string[]> errors, bool required)
    {
        if (required)
        {
            errors[name] = ["Required."];
        }

        return null;
    }
}
