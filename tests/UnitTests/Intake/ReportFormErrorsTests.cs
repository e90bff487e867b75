using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SafetyReports.Intake;
using SafetyReports.Intake.Domain;
using SafetyReports.Intake.Forms;

namespace SafetyReports.UnitTests.Intake;

public class ReportFormErrorsTests
{
    internal static readonly IStringLocalizer Text =
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(IntakeText));

    internal static readonly IStringLocalizer EmailText =
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(SafetyReports.Intake.Email.ReporterEmailText));

    private static FormErrors ErrorsOf(ReportForm form)
    {
        form.EnsureEvidenceSlots();
        var submission = form.ToSubmission();
        return ReportFormErrors.Describe(SubmissionValidator.Validate(submission.Request), form, submission, Text, EmailText);
    }

    private static ReportForm Valid() => new()
    {
        Model = new ModelFields { Host = "huggingface", Id = "org/name" },
        Category = "privacy",
        Title = "A title",
        Description = "What happened",
        GoodFaith = true,
    };

    [Fact]
    public void Asking_for_emails_without_an_address_says_so_beside_the_checkbox()
    {
        var form = Valid();
        form.NotifyByEmail = true;

        var errors = ErrorsOf(form);

        Assert.Equal("Enter your e-mail address to get e-mails about the report.", errors.For("notifyByEmail"));
    }

    [Fact]
    public void Asking_for_emails_with_an_address_is_accepted()
    {
        var form = Valid();
        form.NotifyByEmail = true;
        form.Reporter.Email = "reporter@example.org";

        Assert.False(ErrorsOf(form).Any);
    }

    [Fact]
    public void A_valid_form_has_no_errors()
    {
        Assert.False(ErrorsOf(Valid()).Any);
    }

    [Fact]
    public void An_empty_form_names_each_required_field_in_page_order_with_its_own_message()
    {
        var errors = ErrorsOf(new ReportForm());

        Assert.Equal(["model.host", "model.id", "category", "title", "description", "goodFaith"], errors.All.Select(e => e.Field));
        Assert.Equal(["model-host", "model-id", "category-violent-crimes", "title", "description", "good-faith"], errors.All.Select(e => e.InputId));
        Assert.Equal("Enter a title.", errors.For("title"));
        Assert.Equal("Choose the kind of harm.", errors.For("category"));
        Assert.Equal("Confirm that the report is accurate to the best of your knowledge.", errors.For("goodFaith"));
        Assert.All(errors.All, e => Assert.DoesNotContain("_", e.Message));
    }

    [Fact]
    public void An_evidence_error_belongs_to_the_slot_the_reporter_filled()
    {
        var form = Valid();
        form.Evidence = [new EvidenceFields { Kind = "prompt" }, new EvidenceFields { Kind = "output", Content = new string('e', SubmissionLimits.MaxEvidenceContent + 1) }];

        var error = Assert.Single(ErrorsOf(form).All);

        Assert.Equal("evidence[1].content", error.Field);
        Assert.Equal("evidence-1-content", error.InputId);
        Assert.Equal($"Content must be {SubmissionLimits.MaxEvidenceContent} characters or fewer.", error.Message);
    }

    [Fact]
    public void An_unknown_evidence_kind_is_named_on_its_slot()
    {
        var form = Valid();
        form.Evidence = [new EvidenceFields(), new EvidenceFields(), new EvidenceFields { Kind = "video", Content = "x" }];

        var error = Assert.Single(ErrorsOf(form).All);

        Assert.Equal("evidence[2].kind", error.Field);
        Assert.Equal("evidence-2-kind", error.InputId);
    }

    [Theory]
    [InlineData("line\nbreak", "Title contains control or text-direction characters. Remove them.")]
    [InlineData("evil\u202Etxt", "Title contains control or text-direction characters. Remove them.")]
    public void Hidden_characters_are_explained(string title, string message)
    {
        var form = Valid();
        form.Title = title;

        Assert.Equal(message, ErrorsOf(form).For("title"));
    }

    [Fact]
    public void Invisible_characters_in_a_model_id_and_a_title_of_only_invisible_characters_are_explained()
    {
        var form = Valid();
        form.Model.Id = "org/na\u200Bme";
        form.Title = "\u200B\u2060";

        var errors = ErrorsOf(form);

        Assert.Equal("Model id contains invisible characters (such as a zero-width space), which can make one name look like another. Type it again without them.",
            errors.For("model.id"));
        Assert.Equal("Enter a title.", errors.For("title"));
    }

    [Fact]
    public void Contact_needs_an_address_and_the_address_must_be_one()
    {
        var form = Valid();
        form.ContactAllowed = true;
        Assert.Equal("Enter your e-mail address, or untick “You may contact me”.", ErrorsOf(form).For("reporter.email"));

        form.Reporter.Email = "not-an-address";
        Assert.Equal("Enter an e-mail address in the right format, like name@example.org.", ErrorsOf(form).For("reporter.email"));
    }

    [Fact]
    public void A_model_address_that_is_not_a_url_is_explained()
    {
        var form = Valid();
        form.Model.Url = "no address here";

        Assert.Equal("Enter the full address of the model’s page, starting with https://", ErrorsOf(form).For("model.url"));
        Assert.Equal("model-url", ErrorsOf(form).All.Single().InputId);
    }

    [Theory]
    [InlineData("model.url", "model-url")]
    [InlineData("evidence[12].content", "evidence-12-content")]
    [InlineData("evidence[3]", "evidence-3-content")]
    [InlineData("reporter.email", "reporter-email")]
    [InlineData("contactAllowed", "contact-allowed")]
    [InlineData("goodFaith", "good-faith")]
    [InlineData("model", "model-host")]
    [InlineData("evidence", "evidence-0-content")]
    public void Field_names_become_element_ids(string field, string id)
    {
        Assert.Equal(id, FieldIds.Of(field));
    }

    [Theory]
    [InlineData("evidence[0].content", "evidence[1].content")]
    [InlineData("evidence[1]", "evidence[4].content")]
    [InlineData("evidence[7].kind", "evidence")]
    [InlineData("title", "title")]
    public void Validator_keys_map_to_form_slots(string key, string field)
    {
        Assert.Equal(field, ReportFormErrors.ToFormField(key, [1, 4]));
    }

    [Fact]
    public void Digests_are_one_a_line_and_a_bad_line_is_explained_beside_the_field()
    {
        var form = Valid();
        form.Model.FileDigests = "sha256:" + new string('a', 64) + "\r\n\r\nnot a digest\r\n";

        Assert.Equal(["sha256:" + new string('a', 64), "not a digest"], form.ToSubmission().Request.Model!.FileDigests!);
        Assert.Equal("Write each digest on its own line as sha256: followed by 64 hexadecimal digits.", ErrorsOf(form).For("model.fileDigests"));

        form.Model.FileDigests = "sha256:" + new string('a', 64);
        Assert.False(ErrorsOf(form).Any);
    }
}
