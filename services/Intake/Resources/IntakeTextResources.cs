// The public site's strings live in Resources/IntakeText.resx (and IntakeText.<culture>.resx for
// translations). Naming the folder here keeps the lookup right whatever ResourcesPath another module
// gives AddLocalization.
[assembly: ResourceLocation("Resources")]

namespace SafetyReports.Intake;

/// <summary>The resource class of the public site's strings: inject <c>IStringLocalizer&lt;IntakeText&gt;</c>.</summary>
public sealed class IntakeText;
