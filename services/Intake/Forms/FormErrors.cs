namespace SafetyReports.Intake.Forms;

/// <param name="Field">The form field's name (<c>title</c>, <c>evidence[2].content</c>); empty for a form-wide problem.</param>
/// <param name="InputId">The id of the input the error summary links to; null for a form-wide problem.</param>
public sealed record FieldError(string Field, string? InputId, string Message);

/// <summary>The errors a page shows: in the summary at the top (in page order) and beside each field.</summary>
public sealed class FormErrors
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> All => _errors;

    public bool Any => _errors.Count > 0;

    /// <returns>The message for a field, or null when the field is fine.</returns>
    public string? For(string field) => _errors.FirstOrDefault(e => e.Field == field)?.Message;

    public void Add(string field, string message) => _errors.Add(new FieldError(field, FieldIds.Of(field), message));

    public void AddGeneral(string message) => _errors.Add(new FieldError("", null, message));
}

/// <summary>How form field names become element ids: <c>evidence[2].content</c> → <c>evidence-2-content</c>.</summary>
public static class FieldIds
{
    public static string Of(string field)
    {
        switch (field)
        {
            case "model":
                return "model-host";
            case "evidence":
                return "evidence-0-content";
            case "category":
                return "category-" + Contracts.HazardTaxonomy.Categories[0].Code;
            case "severity":
                return "severity-unsure";
        }

        if (field.StartsWith("evidence[", StringComparison.Ordinal) && !field.Contains("].", StringComparison.Ordinal))
        {
            field += ".content";
        }

        var id = new System.Text.StringBuilder(field.Length + 4);
        foreach (var c in field)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                id.Append('-').Append(char.ToLowerInvariant(c));
            }
            else if (c is '.' or '[')
            {
                id.Append('-');
            }
            else if (c != ']')
            {
                id.Append(c);
            }
        }

        return id.ToString();
    }

    public static string Hint(string inputId) => inputId + "-hint";

    public static string Error(string inputId) => inputId + "-error";
}
