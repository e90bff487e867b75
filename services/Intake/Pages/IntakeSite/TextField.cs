namespace SafetyReports.Intake.Pages.IntakeSite;

public enum TextFieldKind
{
    Text,
    Email,
    Url,
    TextArea,
}

/// <summary>One labelled input with its hint and error, as _TextField.cshtml renders it.</summary>
/// <param name="Name">The form field name; the element id follows from it (<see cref="Forms.FieldIds"/>).</param>
public sealed record TextField(
    string Name,
    string Label,
    string? Value,
    string? Hint = null,
    string? Error = null,
    TextFieldKind Kind = TextFieldKind.Text,
    int? MaxLength = null,
    bool Optional = false,
    bool Required = false,
    string? Autocomplete = null,
    string? List = null,
    int Rows = 5,
    bool Code = false,
    string? Status = null);
