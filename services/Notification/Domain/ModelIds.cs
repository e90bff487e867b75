using SafetyReports.ServiceDefaults.Text;

namespace SafetyReports.Notification.Domain;

/// <summary>A model's id on its host as the host API and the aliases take it: what reports carry as <c>model.id</c>.</summary>
public static class ModelIds
{
    public const int MaxLength = 200;

    /// <summary>Why the id is refused, or null: 1 to 200 characters, no surrounding spaces, no control, direction or invisible characters.</summary>
    public static string? Problem(string? id) =>
        string.IsNullOrWhiteSpace(id) ? "Required."
        : id.Length > MaxLength ? $"At most {MaxLength} characters."
        : id.Trim() != id ? "Must not begin or end with spaces."
        : TextRules.HasLoneSurrogate(id) || TextRules.HasForbiddenCharacters(id, multiline: false) || InvisibleCharacters.Contains(id)
            ? "Must not contain control, text-direction or invisible characters."
            : null;
}
