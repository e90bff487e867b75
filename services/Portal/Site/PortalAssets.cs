namespace SafetyReports.Portal.Site;

/// <summary>The portal's stylesheet and icon (Assets/, embedded), served under <see cref="RoutePrefix"/>.</summary>
public sealed class PortalAssets() : EmbeddedAssets(typeof(PortalAssets).Assembly, "PortalAssets/", RoutePrefix)
{
    public const string RoutePrefix = "/assets/portal";
}
