using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;
using static SafetyReports.Contracts.ReportStatuses;

namespace SafetyReports.UnitTests.Triage;

public class ReportRedactionTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private const string Email = "rita@example.org";

    private static Report Typed() => ReportWorkflowTests.NewReport(Triaged, "high") with
    {
        Title = "Mail me at rita@example.org",
        Description = "Write to Rita@Example.org or rita@example.org, please.",
        Evidence = [new EvidenceItem("prompt", "my address is rita@example.org"), new EvidenceItem("output", "Step 1 …")],
    };

    [Fact]
    public void Every_occurrence_in_the_description_and_the_evidence_is_replaced_ignoring_case_and_the_entry_holds_no_text()
    {
        var outcome = ReportRedaction.Apply(Typed(), new RedactionRequest(Email, null, 1), "admin@example.org", Now);

        Assert.Equal(WorkflowOutcomeKind.Applied, outcome.Kind);
        var report = outcome.Report!;
        Assert.Equal("Write to [redacted] or [redacted], please.", report.Description);
        Assert.Equal(["my address is [redacted]", "Step 1 …"], report.Evidence.Select(e => e.Content));
        Assert.Equal(["prompt", "output"], report.Evidence.Select(e => e.Kind));
        Assert.Equal("Mail me at rita@example.org", report.Title);
        Assert.Equal((2L, Now, Triaged), (report.Version, report.UpdatedAt, report.Status));
        Assert.Equal(("admin@example.org", "redacted", Now), (outcome.Audit!.Actor, outcome.Audit.Action, outcome.Audit.At));
        Assert.Equal("""{"fields":["description","evidence/0"],"whole":false,"occurrences":3,"version":2}""", outcome.Audit.Data);
        Assert.DoesNotContain("rita", outcome.Audit.Data, StringComparison.OrdinalIgnoreCase);
        Assert.Null(outcome.Event);
    }

    [Fact]
    public void Named_fields_limit_where_the_text_is_removed()
    {
        var outcome = ReportRedaction.Apply(Typed(), new RedactionRequest(Email, ["evidence/0"], 1), "a", Now);

        Assert.Equal("Write to Rita@Example.org or rita@example.org, please.", outcome.Report!.Description);
        Assert.Equal("my address is [redacted]", outcome.Report.Evidence[0].Content);
        Assert.Contains("\"occurrences\":1", outcome.Audit!.Data);
    }

    [Fact]
    public void Without_a_text_the_named_fields_are_replaced_whole()
    {
        var outcome = ReportRedaction.Apply(Typed(), new RedactionRequest(null, ["description", "evidence"], 1), "a", Now);

        Assert.Equal(ReportRedaction.Marker, outcome.Report!.Description);
        Assert.All(outcome.Report.Evidence, e => Assert.Equal(ReportRedaction.Marker, e.Content));
        Assert.Equal("""{"fields":["description","evidence/0","evidence/1"],"whole":true,"occurrences":3,"version":2}""", outcome.Audit!.Data);

        var again = ReportRedaction.Apply(outcome.Report, new RedactionRequest(null, ["description"], 2), "a", Now);
        Assert.Equal(WorkflowOutcomeKind.Invalid, again.Kind);
        Assert.Contains("fields", again.Errors!.Keys);
    }

    [Theory]
    [InlineData(null, null, "fields")]
    [InlineData("", null, "text")]
    [InlineData("   ", null, "text")]
    [InlineData("not in the report", null, "text")]
    [InlineData(Email, "title", "fields")]
    [InlineData(Email, "evidence/2", "fields")]
    [InlineData(Email, "evidence/-1", "fields")]
    [InlineData(Email, "evidence/x", "fields")]
    [InlineData(Email, "Description", "fields")]
    public void Bad_or_empty_requests_are_invalid_and_change_nothing(string? text, string? field, string errorField)
    {
        var outcome = ReportRedaction.Apply(Typed(), new RedactionRequest(text, field is null ? null : [field], 1), "a", Now);
        Assert.Equal(WorkflowOutcomeKind.Invalid, outcome.Kind);
        Assert.Contains(errorField, outcome.Errors!.Keys);
        Assert.Null(outcome.Report);
        Assert.Null(outcome.Audit);
    }

    [Fact]
    public void A_text_longer_than_the_limit_is_invalid()
    {
        var outcome = ReportRedaction.Apply(Typed(), new RedactionRequest(new string('a', ReportRedaction.MaxTextLength + 1), null, 1), "a", Now);
        Assert.Equal(WorkflowOutcomeKind.Invalid, outcome.Kind);
    }

    [Fact]
    public void A_missing_or_stale_version_is_refused()
    {
        Assert.Equal(WorkflowOutcomeKind.Invalid, ReportRedaction.Apply(Typed(), new RedactionRequest(Email, null, null), "a", Now).Kind);
        Assert.Equal(WorkflowOutcomeKind.Conflict, ReportRedaction.Apply(Typed(), new RedactionRequest(Email, null, 7), "a", Now).Kind);
    }
}
