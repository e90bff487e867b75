using SafetyReports.Triage.Domain;
using static SafetyReports.Contracts.ReportStatuses;

namespace SafetyReports.UnitTests.Triage;

public class ReportClassificationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Severity_and_category_change_without_a_status_move()
    {
        var report = ReportWorkflowTests.NewReport(Triaged, "low");
        var outcome = ReportClassification.Apply(report, new ClassificationRequest("critical", "privacy", 1), "ana", Now);

        Assert.Equal(WorkflowOutcomeKind.Applied, outcome.Kind);
        Assert.Equal(("critical", "privacy", Triaged, 2L), (outcome.Report!.Severity, outcome.Report.Category, outcome.Report.Status, outcome.Report.Version));
        Assert.Equal("classification", outcome.Audit!.Action);
        Assert.Equal("""{"severity":{"from":"low","to":"critical"},"category":{"from":"hate","to":"privacy"},"version":2}""", outcome.Audit.Data);
        Assert.Null(outcome.Event);
    }

    [Fact]
    public void One_field_alone_keeps_the_other()
    {
        var report = ReportWorkflowTests.NewReport(Received, "medium");
        Assert.Equal(("medium", "privacy"), Pair(ReportClassification.Apply(report, new ClassificationRequest(null, "privacy", 1), "a", Now)));
        Assert.Equal(("high", "hate"), Pair(ReportClassification.Apply(report, new ClassificationRequest("high", null, 1), "a", Now)));

        static (string?, string) Pair(WorkflowOutcome o) => (o.Report!.Severity, o.Report.Category);
    }

    [Theory]
    [InlineData(null, null, "severity")]
    [InlineData("extreme", null, "severity")]
    [InlineData(null, "spam", "category")]
    public void Unknown_or_missing_values_are_invalid(string? severity, string? category, string field)
    {
        var outcome = ReportClassification.Apply(ReportWorkflowTests.NewReport(Received), new ClassificationRequest(severity, category, 1), "a", Now);
        Assert.Equal(WorkflowOutcomeKind.Invalid, outcome.Kind);
        Assert.Equal([field], outcome.Errors!.Keys);
    }

    [Fact]
    public void A_stale_version_is_a_conflict()
    {
        var report = ReportWorkflowTests.NewReport(Received) with { Version = 2 };
        Assert.Equal(WorkflowOutcomeKind.Conflict, ReportClassification.Apply(report, new ClassificationRequest("low", null, 1), "a", Now).Kind);
    }
}
