namespace SafetyReports.Portal.Reports;

/// <summary>A form's error: a message key in PortalText and, for a length, the limit it names.</summary>
public sealed record FormError(string Key, int Limit = 0);

/// <summary>A text a form posts: trimmed, blank as none, and the portal's own length check (the APIs check again).</summary>
public static class TextInput
{
    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>What is wrong with this text, or null when it is fine.</summary>
    public static FormError? Check(string? value, int maxLength, bool required) => Trimmed(value) switch
    {
        null when required => new FormError("Error_Required"),
        { Length: var length } when length > maxLength => new FormError("Error_TooLong", maxLength),
        _ => null,
    };

    /// <summary>Adds the text's error, if any, under its field name.</summary>
    public static void Check(IDictionary<string, FormError> errors, string field, string? value, int maxLength, bool required)
    {
        if (Check(value, maxLength, required) is { } error)
        {
            errors[field] = error;
        }
    }
}
