using System.Text.Json;
using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;
using static SafetyReports.Contracts.ReportStatuses;

namespace SafetyReports.UnitTests.Triage;

/// <summary>The notice's choice on the move to triaged, the maintainers' edit and the re-share after a redaction.</summary>
public class ReportNoticesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 9, 0, 0, TimeSpan.Zero);
    private const string Secret = "the-words-only-the-notice-has";

    private static Report Received() => ReportWorkflowTests.NewReport(ReportStatuses.Received, "high") with
    {
        Description = "Description " + Secret,
        Evidence = [new EvidenceItem("prompt", "p0"), new EvidenceItem("output", "o1"), new EvidenceItem("output", "o2")],
    };

    private static WorkflowOutcome Triage(Report report, NoticeRequest? notice, DateTimeOffset? at = null) =>
        ReportWorkflow.Apply(report, new TransitionRequest(Triaged, null, null, null, null, null, report.Version, notice), "ana", at ?? Now);

    /// <summary>A notice as comparable values (records compare their lists by reference).</summary>
    private static (bool, string, string?, int, DateTimeOffset) Parts(ReportNotice? notice) =>
        (notice!.ShareDescription, string.Join(',', notice.SharedEvidence), notice.NoteToHost, notice.Revision, notice.ChangedAt);

    private static ReportNoticeShared SharedBy(WorkflowOutcome outcome) => Assert.IsType<ReportNoticeShared>(Assert.Single(outcome.Messages!));

    [Fact]
    public void Without_a_notice_the_first_triage_shares_the_description_and_every_evidence_item_as_revision_1()
    {
        var outcome = Triage(Received(), null);

        Assert.Equal((true, "0,1,2", (string?)null, 1, Now), Parts(outcome.Report!.Notice));
        var shared = SharedBy(outcome);
        Assert.Equal((1, "Description " + Secret, 3), (shared.Revision, shared.Description, shared.Evidence.Count));
        Assert.NotNull(outcome.Event);
    }

    [Fact]
    public void A_chosen_notice_shares_what_it_names_and_left_out_fields_take_their_defaults()
    {
        var report = Received();

        var some = Triage(report, new NoticeRequest(false, [2, 0], "  Look at the second output.  "));
        Assert.Equal((false, "0,2", "  Look at the second output.  ", 1, Now), Parts(some.Report!.Notice));
        Assert.Equal(["p0", "o2"], SharedBy(some).Evidence.Select(e => e.Content));
        Assert.Null(SharedBy(some).Description);

        var defaults = Triage(report, new NoticeRequest(null, null, " \u200B "));
        Assert.Equal((true, "0,1,2", (string?)null, 1, Now), Parts(defaults.Report!.Notice));

        var none = Triage(report, new NoticeRequest(true, [], null));
        Assert.Empty(none.Report!.Notice!.SharedEvidence);
        Assert.Empty(SharedBy(none).Evidence);
    }

    [Theory]
    [InlineData(new[] { 3 }, null, "notice.shareEvidence")]
    [InlineData(new[] { -1 }, null, "notice.shareEvidence")]
    [InlineData(new[] { 1, 1 }, null, "notice.shareEvidence")]
    [InlineData(null, "two\u202Elines", "notice.noteToHost")]
    [InlineData(null, "bell\u0007", "notice.noteToHost")]
    public void A_wrong_notice_names_its_field_and_changes_nothing(int[]? evidence, string? note, string field)
    {
        var outcome = Triage(Received(), new NoticeRequest(true, evidence, note));

        Assert.Equal(WorkflowOutcomeKind.Invalid, outcome.Kind);
        Assert.Equal([field], outcome.Errors!.Keys);
        Assert.Null(outcome.Report);
    }

    [Fact]
    public void A_note_to_the_host_is_at_most_5000_characters_over_several_lines()
    {
        Assert.Equal(WorkflowOutcomeKind.Applied, Triage(Received(), new NoticeRequest(null, null, "line\r\n\tline " + new string('x', 4_988))).Kind);
        Assert.Equal(["notice.noteToHost"], Triage(Received(), new NoticeRequest(null, null, new string('x', 5_001))).Errors!.Keys);
    }

    [Fact]
    public void A_notice_with_another_move_is_a_field_error()
    {
        var report = Received();
        var outcome = ReportWorkflow.Apply(report, new TransitionRequest(Triaging, null, null, null, null, null, 1, new NoticeRequest(true, null, null)), "ana", Now);

        Assert.Equal(["notice"], outcome.Errors!.Keys);
    }

    [Fact]
    public void A_retriage_keeps_the_earlier_choice_and_shares_again_only_when_the_choice_changes()
    {
        var first = Triage(Received(), new NoticeRequest(true, [1], "note")).Report!;
        var reopened = ReportWorkflow.Apply(first, new TransitionRequest(Triaging, null, null, null, null, null, first.Version), "ana", Now.AddHours(1)).Report!;

        var kept = Triage(reopened, null, Now.AddHours(2));
        Assert.Equal(first.Notice, kept.Report!.Notice);
        Assert.Null(kept.Messages);
        Assert.Contains("\"notice\":{\"revision\":1,\"shareDescription\":true,\"shareEvidence\":[1],\"noteToHost\":\"unchanged\"}", kept.Audit!.Data);

        var same = Triage(reopened, new NoticeRequest(true, [1], "note"), Now.AddHours(2));
        Assert.Null(same.Messages);
        Assert.Equal(1, same.Report!.Notice!.Revision);

        var other = Triage(reopened, new NoticeRequest(true, [1, 2], "note"), Now.AddHours(2));
        Assert.Equal((2, Now.AddHours(2)), (other.Report!.Notice!.Revision, other.Report.Notice.ChangedAt));
        Assert.Equal(2, SharedBy(other).Revision);
    }

    [Fact]
    public void The_triage_entry_records_the_choice_without_any_shared_text()
    {
        var outcome = Triage(Received(), new NoticeRequest(false, [0, 2], "A note about " + Secret));

        using var data = JsonDocument.Parse(outcome.Audit!.Data);
        var notice = data.RootElement.GetProperty("notice");
        Assert.Equal((1, false, "set"), (notice.GetProperty("revision").GetInt32(), notice.GetProperty("shareDescription").GetBoolean(),
            notice.GetProperty("noteToHost").GetString()));
        Assert.Equal([0, 2], notice.GetProperty("shareEvidence").EnumerateArray().Select(e => e.GetInt32()));
        Assert.DoesNotContain(Secret, outcome.Audit.Data, StringComparison.Ordinal);
        Assert.DoesNotContain("p0", outcome.Audit.Data, StringComparison.Ordinal);

        var other = ReportWorkflow.Apply(Received(), new TransitionRequest(Triaging, null, null, null, null, null, 1), "ana", Now);
        Assert.Contains("\"notice\":null", other.Audit!.Data);
        Assert.Null(other.Report!.Notice);
    }

    [Theory]
    [InlineData(null, null, "unchanged")]
    [InlineData(null, "a", "set")]
    [InlineData("a", "a", "unchanged")]
    [InlineData("a", "b", "changed")]
    [InlineData("a", null, "removed")]
    public void What_became_of_the_note_is_recorded_as_a_word(string? before, string? after, string expected)
    {
        Assert.Equal(expected, ReportNotices.NoteChange(before, after));
    }

    private static Report Triaged_(NoticeRequest? notice = null) => Triage(Received(), notice ?? new NoticeRequest(true, [0], null)).Report!;

    [Fact]
    public void An_edit_shares_the_new_choice_as_the_next_revision_and_records_no_text()
    {
        var report = Triaged_();

        var outcome = ReportNotices.Edit(report, new NoticeUpdateRequest(false, [1, 2], "Now with a note " + Secret, report.Version), "bo", Now.AddDays(1));

        Assert.Equal(WorkflowOutcomeKind.Applied, outcome.Kind);
        Assert.Equal((false, "1,2", "Now with a note " + Secret, 2, Now.AddDays(1)), Parts(outcome.Report!.Notice));
        Assert.Equal((report.Version + 1, Now.AddDays(1), Triaged), (outcome.Report!.Version, outcome.Report.UpdatedAt, outcome.Report.Status));
        Assert.Equal(("bo", ReportNotices.ChangedAction), (outcome.Audit!.Actor, outcome.Audit.Action));
        Assert.Equal("""{"revision":2,"shareDescription":false,"shareEvidence":[1,2],"noteToHost":"set"}""", outcome.Audit.Data);
        var shared = SharedBy(outcome);
        Assert.Equal((2, (string?)null, "Now with a note " + Secret), (shared.Revision, shared.Description, shared.NoteToHost));
        Assert.Null(outcome.Event);
    }

    [Fact]
    public void An_edit_that_asks_for_what_is_shared_now_changes_nothing()
    {
        var report = Triaged_(new NoticeRequest(true, [0], "note"));

        var outcome = ReportNotices.Edit(report, new NoticeUpdateRequest(null, [0], "note", report.Version), "bo", Now.AddDays(1));

        Assert.Equal(WorkflowOutcomeKind.Unchanged, outcome.Kind);
        Assert.Same(report, outcome.Report);
        Assert.Null(outcome.Audit);
    }

    [Fact]
    public void An_edit_with_left_out_fields_takes_the_defaults_as_the_transition_does()
    {
        var report = Triaged_(new NoticeRequest(false, [], "note"));

        var outcome = ReportNotices.Edit(report, new NoticeUpdateRequest(null, null, null, report.Version), "bo", Now);

        Assert.Equal((true, "0,1,2", (string?)null, 2, Now), Parts(outcome.Report!.Notice));
        Assert.Contains("\"noteToHost\":\"removed\"", outcome.Audit!.Data);
    }

    [Fact]
    public void An_edit_is_refused_for_bad_fields_a_stale_version_or_a_report_never_triaged()
    {
        var report = Triaged_();

        Assert.Equal(["shareEvidence"], ReportNotices.Edit(report, new NoticeUpdateRequest(true, [7], null, report.Version), "bo", Now).Errors!.Keys);
        Assert.Equal(["noteToHost", "expectedVersion"],
            ReportNotices.Edit(report, new NoticeUpdateRequest(true, null, new string('n', 5_001), null), "bo", Now).Errors!.Keys);
        Assert.Equal(WorkflowOutcomeKind.Conflict, ReportNotices.Edit(report, new NoticeUpdateRequest(false, null, null, report.Version - 1), "bo", Now).Kind);

        var untriaged = Received();
        var never = ReportNotices.Edit(untriaged, new NoticeUpdateRequest(false, null, null, untriaged.Version), "bo", Now);
        Assert.Equal(WorkflowOutcomeKind.Conflict, never.Kind);
        Assert.Contains("never triaged", never.Detail);
    }

    [Fact]
    public void A_redaction_of_shared_text_shares_the_notice_again_and_one_of_unshared_text_does_not()
    {
        var report = Triaged_(new NoticeRequest(false, [0], null)) with
        {
            Evidence = [new EvidenceItem("prompt", "shared " + Secret), new EvidenceItem("output", "unshared " + Secret), new EvidenceItem("output", "o2")],
        };

        var unshared = ReportRedaction.Apply(report, new RedactionRequest(null, ["evidence/1"], report.Version), "admin", Now.AddDays(1));
        Assert.Null(unshared.Messages);
        Assert.Equal(1, unshared.Report!.Notice!.Revision);
        Assert.DoesNotContain("noticeRevision", unshared.Audit!.Data);

        var shared = ReportRedaction.Apply(report, new RedactionRequest(Secret, null, report.Version), "admin", Now.AddDays(1));
        Assert.Equal((2, Now.AddDays(1)), (shared.Report!.Notice!.Revision, shared.Report.Notice.ChangedAt));
        var notice = SharedBy(shared);
        Assert.Equal((2, "shared [redacted]"), (notice.Revision, notice.Evidence.Single().Content));
        Assert.Contains("\"noticeRevision\":2", shared.Audit!.Data);
        Assert.DoesNotContain(Secret, JsonSerializer.Serialize(notice), StringComparison.Ordinal);
    }

    [Fact]
    public void A_redaction_of_a_report_never_triaged_shares_nothing()
    {
        var report = Received();

        var outcome = ReportRedaction.Apply(report, new RedactionRequest(Secret, null, report.Version), "admin", Now);

        Assert.Equal(WorkflowOutcomeKind.Applied, outcome.Kind);
        Assert.Null(outcome.Messages);
        Assert.Null(outcome.Report!.Notice);
    }
}
