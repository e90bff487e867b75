namespace SafetyReports.Portal.HostInbox;

/// <summary>
/// Turns the host inbox's statement-of-reasons form into the host API's response body. The portal checks what a
/// form can get wrong on its own (a required field, a length, a date, a yes/no) and leaves the rest to Notification,
/// which validates every field again; its field errors come back beside the same inputs (the names are the API's).
/// </summary>
public static class StatementForm
{
    public const int MaxScope = 1_000;
    public const int MaxGrounds = 5_000;
    public const int MaxNote = 2_000;
    public const int MaxReference = 1_000;
    public const int MaxRedress = 2_000;

    /// <summary>The body to send, or null with the errors by field name.</summary>
    public static (HostResponseBody? Body, Dictionary<string, FormError> Errors) Build(StatementInput input)
    {
        var errors = new Dictionary<string, FormError>();
        var action = TextInput.Trimmed(input.Action);
        if (action is null)
        {
            errors["action"] = new FormError("Error_Required");
        }
        else if (!HostResponseActions.All.Contains(action))
        {
            errors["action"] = new FormError("Error_UnknownChoice");
        }

        TextInput.Check(errors, "scope", input.Scope, MaxScope, required: action is not null && HostResponseActions.All.Contains(action) && HostResponseActions.TakesMeasure(action));
        TextInput.Check(errors, "grounds", input.Grounds, MaxGrounds, required: true);
        TextInput.Check(errors, "legalGround", input.LegalGround, MaxReference, required: false);
        TextInput.Check(errors, "termsReference", input.TermsReference, MaxReference, required: false);
        TextInput.Check(errors, "redress", input.Redress, MaxRedress, required: false);
        TextInput.Check(errors, "note", input.Note, MaxNote, required: false);

        var decisionGround = TextInput.Trimmed(input.DecisionGround);
        if (decisionGround is not null && !DecisionGrounds.All.Contains(decisionGround))
        {
            errors["decisionGround"] = new FormError("Error_UnknownChoice");
        }

        DateTimeOffset? until = null;
        if (TextInput.Trimmed(input.Until) is { } text)
        {
            if (TryParseUtc(text, out var parsed))
            {
                until = parsed;
            }
            else
            {
                errors["until"] = new FormError("Error_DateTime");
            }
        }

        var detection = YesNo(input.AutomatedDetection, "automatedDetection", errors, required: false);
        var decision = YesNo(input.AutomatedDecision, "automatedDecision", errors, required: true);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new HostResponseBody
        {
            Action = action!,
            Scope = TextInput.Trimmed(input.Scope),
            Until = until,
            Grounds = TextInput.Trimmed(input.Grounds)!,
            // The older field and the DSA one say the same; Notification takes either, and both when they agree.
            Automated = decision,
            AutomatedDecision = decision,
            AutomatedDetection = detection,
            Note = TextInput.Trimmed(input.Note),
            DecisionGround = decisionGround,
            LegalGround = TextInput.Trimmed(input.LegalGround),
            TermsReference = TextInput.Trimmed(input.TermsReference),
            TerritorialScope = TerritorialScope(input.TerritorialScope),
            Redress = TextInput.Trimmed(input.Redress),
        }, errors);
    }

    /// <summary>
    /// Codes separated by spaces, commas or semicolons, as the API wants them: upper case (<c>de</c> → <c>DE</c>), each once,
    /// and <c>worldwide</c> in lower case; null when none. Whether they are ISO 3166-1 codes is Notification's check.
    /// </summary>
    public static IReadOnlyList<string>? TerritorialScope(string? text)
    {
        var codes = (text ?? "").Split([' ', ',', ';', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(code => code.Equals("worldwide", StringComparison.OrdinalIgnoreCase) ? "worldwide" : code.ToUpperInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return codes.Count == 0 ? null : codes;
    }

    /// <summary>The form's date and time is UTC (the label says so); an ISO 8601 value with an offset is taken as written.</summary>
    public static bool TryParseUtc(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    private static bool? YesNo(string? value, string field, Dictionary<string, FormError> errors, bool required)
    {
        switch (TextInput.Trimmed(value))
        {
            case StatementInput.Yes:
                return true;
            case StatementInput.No:
                return false;
            case null when !required:
                return null;
            default:
                errors[field] = new FormError("Error_ChooseYesNo");
                return null;
        }
    }
}
