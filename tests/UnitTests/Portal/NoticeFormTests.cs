using SafetyReports.Portal.Clients;
using SafetyReports.Portal.Reports;

namespace SafetyReports.UnitTests.Portal;

public class NoticeFormTests
{
    private static ReportDetail Report(int evidence, ReportNoticeView? notice = null) => new()
    {
        Id = Guid.NewGuid(),
        Evidence = Enumerable.Range(0, evidence).Select(i => new EvidenceItem { Kind = "prompt", Content = $"item {i}" }).ToList(),
        Notice = notice,
    };

    [Fact]
    public void Before_the_first_triage_everything_is_shared_and_there_is_no_note()
    {
        var shown = NoticeForm.Current(Report(3));
        Assert.True(shown.ShareDescription);
        Assert.Equal([0, 1, 2], shown.ShareEvidence);
        Assert.Null(shown.NoteToHost);
    }

    [Fact]
    public void After_triage_the_form_starts_from_the_current_choice()
    {
        var shown = NoticeForm.Current(Report(3, new ReportNoticeView { ShareDescription = false, SharedEvidence = [2, 0], NoteToHost = "Look at item 3.", Revision = 2 }));
        Assert.False(shown.ShareDescription);
        Assert.Equal([0, 2], shown.ShareEvidence);
        Assert.Equal("Look at item 3.", shown.NoteToHost);
        Assert.True(shown.Shares(2));
        Assert.False(shown.Shares(1));
    }

    [Fact]
    public void Indices_the_report_no_longer_has_are_not_shown_as_shared() =>
        Assert.Equal([1], NoticeForm.Current(Report(2, new ReportNoticeView { SharedEvidence = [1, 5, -1] })).ShareEvidence);

    [Fact]
    public void Posted_checkboxes_become_the_choice_unticked_means_not_shared()
    {
        var (input, errors) = NoticeForm.Read(null, ["2", "0", "2"], "  A note.  ", evidenceCount: 3);
        Assert.Empty(errors);
        Assert.False(input.ShareDescription);
        Assert.Equal([0, 2], input.ShareEvidence);
        var choice = NoticeForm.ToChoice(input);
        Assert.Equal((false, "A note."), (choice.ShareDescription, choice.NoteToHost));
        Assert.Equal([0, 2], choice.ShareEvidence);
    }

    [Fact]
    public void Nothing_ticked_shares_nothing_and_a_blank_note_is_none()
    {
        var (input, errors) = NoticeForm.Read("true", null, "   ", evidenceCount: 2);
        Assert.Empty(errors);
        var choice = NoticeForm.ToChoice(input);
        Assert.Equal((true, (string?)null), (choice.ShareDescription, choice.NoteToHost));
        Assert.Empty(choice.ShareEvidence);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("-1")]
    [InlineData("one")]
    [InlineData("1.0")]
    [InlineData("")]
    public void An_index_the_report_does_not_have_is_a_field_error(string index)
    {
        var (_, errors) = NoticeForm.Read("true", ["0", index], null, evidenceCount: 3);
        Assert.Equal("Error_EvidenceIndex", errors["shareEvidence"].Key);
    }

    [Fact]
    public void A_note_longer_than_triage_allows_is_a_field_error_naming_the_limit()
    {
        var (input, errors) = NoticeForm.Read("true", [], new string('x', NoticeForm.MaxNoteLength + 1), evidenceCount: 0);
        Assert.Equal(new FormError("Error_TooLong", NoticeForm.MaxNoteLength), errors["noteToHost"]);
        // What was typed stays in the form.
        Assert.Equal(NoticeForm.MaxNoteLength + 1, input.NoteToHost!.Length);
        Assert.Empty(NoticeForm.Read("true", [], new string('x', NoticeForm.MaxNoteLength), 0).Errors);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("yes")]
    [InlineData("")]
    public void Only_true_shares_the_description(string value) => Assert.False(NoticeForm.Read(value, [], null, 0).Input.ShareDescription);
}
