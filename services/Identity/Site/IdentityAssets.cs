namespace SafetyReports.Identity.Site;

/// <summary>The sign-in pages' stylesheet and icon (Assets/, embedded), served under <see cref="RoutePrefix"/>.</summary>
public sealed class IdentityAssets() : EmbeddedAssets(typeof(IdentityAssets).Assembly, "IdentityAssets/", RoutePrefix)
{
    public const string RoutePrefix = "/assets/identity";
}
