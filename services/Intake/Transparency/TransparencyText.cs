namespace SafetyReports.Intake.Transparency;

/// <summary>
/// The resource class of the transparency page's strings: inject <c>IStringLocalizer&lt;TransparencyText&gt;</c>.
/// They live in Resources/Transparency/TransparencyText.resx (the assembly's resource folder plus this namespace).
/// </summary>
public sealed class TransparencyText;
