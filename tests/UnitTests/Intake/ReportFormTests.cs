using SafetyReports.Intake.Domain;
using SafetyReports.Intake.Forms;

namespace SafetyReports.UnitTests.Intake;

public class ReportFormTests
{
    private static ReportForm Filled() => new()
    {
        Model = new ModelFields { Url = "huggingface.co/org/name/tree/v2" },
        Category = "hate",
        Title = "  A title  ",
        Description = "line one\r\nline two",
        Evidence =
        [
            new EvidenceFields { Kind = "prompt", Content = "the prompt" },
            new EvidenceFields { Kind = "output", Content = "   " },
            new EvidenceFields { Kind = "url", Content = "https://example.org/x" },
        ],
        GoodFaith = true,
    };

    [Fact]
    public void A_recognised_model_address_fills_host_id_and_revision()
    {
        var request = Filled().ToSubmission().Request;

        Assert.Equal("huggingface", request.Model!.Host);
        Assert.Equal("org/name", request.Model.Id);
        Assert.Equal("v2", request.Model.Revision);
        Assert.Equal("https://huggingface.co/org/name/tree/v2", request.Model.Url);
        Assert.Empty(SubmissionValidator.Validate(request));
    }

    [Fact]
    public void Host_and_id_the_reporter_typed_win_over_the_address()
    {
        var form = Filled();
        form.Model.Host = "mirror-hub";
        form.Model.Id = "someone/copy";

        var model = form.ToSubmission().Request.Model!;

        Assert.Equal(("mirror-hub", "someone/copy", null), (model.Host, model.Id, model.Revision));
        Assert.Equal("https://huggingface.co/org/name/tree/v2", model.Url);
    }

    [Fact]
    public void An_unrecognised_address_is_kept_and_host_and_id_stay_required()
    {
        var form = Filled();
        form.Model.Url = "https://example.org/models/42";

        var request = form.ToSubmission().Request;
        var errors = SubmissionValidator.Validate(request);

        Assert.Equal("https://example.org/models/42", request.Model!.Url);
        Assert.Contains("model.host", errors.Keys);
        Assert.Contains("model.id", errors.Keys);
    }

    [Fact]
    public void Empty_evidence_slots_are_left_out_and_the_others_remember_their_slot()
    {
        var submission = Filled().ToSubmission();

        Assert.Equal(["prompt", "url"], submission.Request.Evidence!.Select(e => e!.Kind));
        Assert.Equal([0, 2], submission.EvidenceSlots);
    }

    [Fact]
    public void Textarea_line_breaks_are_sent_as_the_api_would_receive_them()
    {
        var request = Filled().ToSubmission().Request;

        Assert.Equal("line one\nline two", request.Description);
        Assert.Equal("A title", request.Title);
    }

    [Fact]
    public void No_contact_details_means_no_reporter()
    {
        var form = Filled();
        form.Reporter = new ReporterFields { Name = " ", Email = "" };
        Assert.Null(form.ToSubmission().Request.Reporter);

        form.Reporter.Email = "ann@example.org";
        Assert.Equal("ann@example.org", form.ToSubmission().Request.Reporter!.Email);
    }

    [Fact]
    public void Evidence_slots_start_at_three_and_grow_to_the_contract_limit()
    {
        var form = new ReportForm();
        form.EnsureEvidenceSlots();
        Assert.Equal(["prompt", "output", "url"], form.Evidence.Select(e => e.Kind));

        for (var i = 0; i < 30; i++)
        {
            form.AddEvidenceSlot();
        }

        Assert.Equal(SubmissionLimits.MaxEvidenceItems, form.Evidence.Count);
        Assert.Equal("other", form.Evidence[^1].Kind);
    }

    [Fact]
    public void The_request_hash_follows_the_content()
    {
        var first = Filled().ToSubmission();
        var same = Filled().ToSubmission();
        var other = Filled();
        other.Title = "Another title";

        Assert.Equal(first.RequestHash, same.RequestHash);
        Assert.NotEqual(first.RequestHash, other.ToSubmission().RequestHash);
    }
}
