namespace SafetyReports.Intake.Transparency;

/// <summary>What a transparency page got from Triage: the figures, or why there are none.</summary>
public sealed record TransparencyPageData(TransparencyOutcome Outcome, FiguresView? Figures, CategoryTimeline? Timeline, IReadOnlyList<string> Errors)
{
    public static TransparencyPageData Unavailable { get; } = new(TransparencyOutcome.Unavailable, null, null, []);

    public static TransparencyPageData NotFound { get; } = new(TransparencyOutcome.NotFound, null, null, []);

    public static TransparencyPageData Invalid(IReadOnlyList<string> errors) => new(TransparencyOutcome.Invalid, null, null, errors);
}
