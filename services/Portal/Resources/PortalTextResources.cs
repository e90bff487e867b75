using Microsoft.Extensions.Localization;

// The portal's strings live in Resources/PortalText.resx (PortalText.<culture>.resx for translations).
// Naming the folder here keeps the lookup right whatever ResourcesPath another module gives AddLocalization.
[assembly: ResourceLocation("Resources")]

namespace SafetyReports.Portal;

/// <summary>The resource class of the portal's strings: inject <c>IStringLocalizer&lt;PortalText&gt;</c>.</summary>
public sealed class PortalText;
