using SafetyReports.ServiceDefaults.Security;
using System.Text.Json;
using SafetyReports.Notification.Domain;
using SafetyReports.Contracts;

namespace SafetyReports.Notification.Api;

public sealed record HostResponseValidation(HostResponse? Response, Dictionary<string, string[]> Errors);

/// <summary>
/// Reads a statement of reasons field by field from the raw JSON, so that a wrong type is a field
/// error naming the field rather than a bare "bad request".
/// </summary>
public static class HostResponseValidator
{
    public const int MaxScope = 1_000;
    public const int MaxGrounds = 5_000;
    public const int MaxNote = 2_000;

    public static HostResponseValidation Validate(JsonElement body, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors[""] = ["The body must be a JSON object."];
            return new HostResponseValidation(null, errors);
        }

        var action = Text(body, "action", errors, max: 50, required: true);
        if (action is not null && !HostResponseActions.All.Contains(action))
        {
            errors["action"] = [$"One of: {string.Join(", ", HostResponseActions.All)}."];
            action = null;
        }

        var measure = action is not null && HostResponseActions.TakesMeasure(action);
        var scope = Text(body, "scope", errors, MaxScope, required: measure);
        var grounds = Text(body, "grounds", errors, MaxGrounds, required: true);
        var note = Text(body, "note", errors, MaxNote, required: false);
        var until = Until(body, errors, now, action, measure);
        var automated = Automated(body, errors);

        return errors.Count == 0
            ? new HostResponseValidation(new HostResponse(action!, scope, until, grounds!, automated!.Value, note), errors)
            : new HostResponseValidation(null, errors);
    }

    private static string? Text(JsonElement body, string name, Dictionary<string, string[]> errors, int max, bool required)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors[name] = ["Required."];
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors[name] = ["Must be a string."];
            return null;
        }

        var text = value.GetString()!.Trim();
        if (text.Length == 0)
        {
            if (required)
            {
                errors[name] = ["Required."];
            }

            return null;
        }

        if (text.Length > max)
        {
            errors[name] = [$"At most {max} characters."];
            return null;
        }

        if (TextRules.HasForbiddenCharacters(text, multiline: true))
        {
            errors[name] = ["Must not contain control characters or bidirectional overrides."];
            return null;
        }

        return text;
    }

    private static DateTimeOffset? Until(JsonElement body, Dictionary<string, string[]> errors, DateTimeOffset now, string? action, bool measure)
    {
        if (!body.TryGetProperty("until", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || !value.TryGetDateTimeOffset(out var until))
        {
            errors["until"] = ["An ISO 8601 date and time with an offset (e.g. 2030-01-31T00:00:00Z), or null."];
            return null;
        }

        if (action is not null && !measure)
        {
            errors["until"] = ["Only a removal, restriction or mitigation has a duration; send null."];
            return null;
        }

        if (until <= now)
        {
            errors["until"] = ["Must be in the future; send null for a measure without an end."];
            return null;
        }

        // Both stores keep milliseconds: a re-sent response must compare equal to the stored one.
        return DateTimeOffset.FromUnixTimeMilliseconds(until.ToUnixTimeMilliseconds());
    }

    private static bool? Automated(JsonElement body, Dictionary<string, string[]> errors)
    {
        if (!body.TryGetProperty("automated", out var value) || value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors["automated"] = ["Required: true when the decision was taken by automated means, else false."];
            return null;
        }

        return value.GetBoolean();
    }
}
