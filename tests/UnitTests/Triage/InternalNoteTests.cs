using SafetyReports.Triage.Domain;

namespace SafetyReports.UnitTests.Triage;

public class InternalNoteTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_note_is_kept_on_the_report_and_in_the_audit_with_a_new_version()
    {
        var report = ReportWorkflowTests.NewReport("triaging");
        var (updated, audit) = InternalNote.Add(report, "spam?", "alice", Now);
        Assert.Equal(report.Version + 1, updated.Version);
        Assert.Equal(new ReportNote(Now, "alice", "spam?"), Assert.Single(updated.Notes));
        Assert.Equal(report.Status, updated.Status);
        Assert.Equal(("alice", "note"), (audit.Actor, audit.Action));
        Assert.Contains("spam?", audit.Data);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("  ", false)]
    [InlineData("fine", true)]
    public void Notes_must_have_text_within_the_limit(string? text, bool valid)
    {
        Assert.Equal(valid, InternalNote.Validate(text) is null);
        Assert.NotNull(InternalNote.Validate(new string('n', ReportWorkflow.MaxNoteLength + 1)));
    }
}
