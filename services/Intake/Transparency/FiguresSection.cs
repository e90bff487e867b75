namespace SafetyReports.Intake.Transparency;

/// <summary>What the shared tables and charts partial needs: the figures, whether rows are hosts or one host's models, and the links' period.</summary>
public sealed record FiguresSection(FiguresView View, bool ByModel, string Milestone, string? Host, string? From, string? To)
{
    /// <summary>Element ids differ between hosts and models so both could share a page.</summary>
    public string Prefix => ByModel ? "models" : "hosts";

    public string PagePath => ByModel ? TransparencyPage.ModelsPath : TransparencyPage.Path;
}
