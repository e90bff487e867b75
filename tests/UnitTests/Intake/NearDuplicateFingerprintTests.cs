using SafetyReports.Intake.AntiAbuse;
using SafetyReports.Intake.Api;

namespace SafetyReports.UnitTests.Intake;

public class NearDuplicateFingerprintTests
{
    private static readonly ReportSubmissionRequest Report = SubmissionValidatorTests.Valid();

    [Fact]
    public void Case_white_space_severity_and_contact_do_not_matter()
    {
        var variant = Report with
        {
            Title = "  a   TITLE ",
            Description = "what\n happened",
            Severity = "low",
            Reporter = null,
        };
        Assert.Equal(NearDuplicateFingerprint.Of(Report with { Title = "A title", Description = "What happened" }), NearDuplicateFingerprint.Of(variant));
    }

    [Fact]
    public void Content_model_category_and_evidence_do()
    {
        var original = NearDuplicateFingerprint.Of(Report);
        Assert.NotEqual(original, NearDuplicateFingerprint.Of(Report with { Title = "Another title" }));
        Assert.NotEqual(original, NearDuplicateFingerprint.Of(Report with { Category = "privacy" }));
        Assert.NotEqual(original, NearDuplicateFingerprint.Of(Report with { Model = Report.Model! with { Id = "org/other" } }));
        Assert.NotEqual(original, NearDuplicateFingerprint.Of(Report with { Evidence = [new EvidenceInput("output", "the prompt")] }));
    }
}
