using static SafetyReports.Notification.Api.JsonFields;

namespace SafetyReports.Notification.Api;

public sealed record HostResponseValidation(HostResponse? Response, Dictionary<string, string[]> Errors);

/// <summary>
/// Reads a statement of reasons field by field from the raw JSON, so that a wrong type is a field
/// error naming the field rather than a bare "bad request". The fields of the DSA Transparency Database
/// (<c>decisionGround</c> to <c>redress</c>) are all optional; a statement without them reads as before they existed.
/// </summary>
public static class HostResponseValidator
{
    public const int MaxScope = 1_000;
    public const int MaxGrounds = 5_000;
    public const int MaxNote = 2_000;
    public const int MaxLegalGround = 1_000;
    public const int MaxTermsReference = 1_000;
    public const int MaxRedress = 2_000;

    public const string TerritorialScopeRule =
        "An array of ISO 3166-1 alpha-2 country codes (assigned, upper case, each once), or exactly [\"worldwide\"].";

    public static HostResponseValidation Validate(JsonElement body, DateTimeOffset now)
    {
        if (NotAnObject(body) is { } notAnObject)
        {
            return new HostResponseValidation(null, notAnObject);
        }

        var errors = new Dictionary<string, string[]>();
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

        var decisionGround = DecisionGround(body, errors);
        var legalGround = OnlyWith(body, "legalGround", MaxLegalGround, DecisionGrounds.IllegalContent, decisionGround, errors);
        var termsReference = OnlyWith(body, "termsReference", MaxTermsReference, DecisionGrounds.IncompatibleWithTerms, decisionGround, errors);
        var territorialScope = TerritorialScope(body, errors);
        var automatedDetection = Boolean(body, "automatedDetection", errors);
        var automatedDecision = Boolean(body, "automatedDecision", errors);
        var automated = Automated(body, errors, automatedDecision);
        var redress = Text(body, "redress", errors, MaxRedress, required: false);

        return errors.Count == 0
            ? new HostResponseValidation(
                new HostResponse(action!, scope, until, grounds!, automated!.Value, note, decisionGround, legalGround, termsReference,
                    territorialScope, automatedDetection, automatedDecision, redress),
                errors)
            : new HostResponseValidation(null, errors);
    }

    private static DateTimeOffset? Until(JsonElement body, Dictionary<string, string[]> errors, DateTimeOffset now, string? action, bool measure)
    {
        if (IsAbsent(body, "until"))
        {
            return null;
        }

        var value = body.GetProperty("until");
        if (value.ValueKind != JsonValueKind.String || !TryGetString(value, out _) || !value.TryGetDateTimeOffset(out var until))
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

        // A re-sent response must compare equal to the stored one.
        return StoredTime.Of(until);
    }

    private static string? DecisionGround(JsonElement body, Dictionary<string, string[]> errors)
    {
        var ground = Text(body, "decisionGround", errors, max: 50, required: false);
        if (ground is not null && !DecisionGrounds.All.Contains(ground))
        {
            errors["decisionGround"] = [$"One of: {string.Join(", ", DecisionGrounds.All)}."];
            return null;
        }

        return ground;
    }

    /// <summary>A text that belongs to one decision ground: refused beside another ground or none (unless the ground itself was wrong).</summary>
    private static string? OnlyWith(
        JsonElement body, string name, int max, string ground, string? decisionGround, Dictionary<string, string[]> errors)
    {
        var text = Text(body, name, errors, max, required: false);
        if (text is not null && decisionGround != ground && !errors.ContainsKey("decisionGround"))
        {
            errors[name] = [$"Only with decisionGround {ground}."];
            return null;
        }

        return text;
    }

    private static IReadOnlyList<string>? TerritorialScope(JsonElement body, Dictionary<string, string[]> errors)
    {
        if (IsAbsent(body, "territorialScope"))
        {
            return null;
        }

        var value = body.GetProperty("territorialScope");
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0
            || value.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String))
        {
            errors["territorialScope"] = [TerritorialScopeRule];
            return null;
        }

        var codes = value.EnumerateArray().Select(item => TryGetString(item, out var code) ? code : "").ToList();
        if (codes is [TerritorialScopes.Worldwide])
        {
            return codes;
        }

        if (!codes.All(CountryCodes.IsAssigned) || codes.Distinct(StringComparer.Ordinal).Count() != codes.Count)
        {
            errors["territorialScope"] = [TerritorialScopeRule];
            return null;
        }

        // One order for one set: a re-sent statement listing the same countries is the same statement.
        return codes.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Required unless <c>automatedDecision</c> is given, which it then defaults to; both given, they must agree.</summary>
    private static bool? Automated(JsonElement body, Dictionary<string, string[]> errors, bool? automatedDecision)
    {
        if (IsAbsent(body, "automated") && (automatedDecision is not null || errors.ContainsKey("automatedDecision")))
        {
            return automatedDecision;
        }

        if (!body.TryGetProperty("automated", out var value) || value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors["automated"] = ["Required (unless automatedDecision is given): true when the decision was taken by automated means, else false."];
            return null;
        }

        var automated = value.GetBoolean();
        if (automatedDecision is { } decision && decision != automated)
        {
            errors["automated"] = ["Must equal automatedDecision when both are given."];
            return null;
        }

        return automated;
    }
}
