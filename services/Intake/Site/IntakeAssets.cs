namespace SafetyReports.Intake.Site;

/// <summary>The public site's stylesheet and scripts (Assets/, embedded), served under <see cref="RoutePrefix"/>.</summary>
public sealed class IntakeAssets() : EmbeddedAssets(typeof(IntakeAssets).Assembly, "IntakeAssets/", RoutePrefix)
{
    public const string RoutePrefix = "/assets/intake";
}
