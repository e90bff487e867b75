using SafetyReports.Intake.Api;
using SafetyReports.Intake.Domain;

namespace SafetyReports.UnitTests.Intake;

public class SubmissionValidatorTests
{
    internal static ReportSubmissionRequest Valid() => new(
        new ModelInput("huggingface", "org/name", null, null), "hate", "high", "A title", "What happened",
        [new EvidenceInput("prompt", "the prompt")], new ReporterInput("Ann", "ann@example.org"), true, true);

    [Fact]
    public void A_complete_report_is_valid()
    {
        Assert.Empty(SubmissionValidator.Validate(Valid()));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("fr-CA")]
    [InlineData("zh-CN")]
    [InlineData("AR")]
    public void Emails_with_an_address_in_a_supported_language_are_valid(string language)
    {
        Assert.Empty(SubmissionValidator.Validate(Valid() with { NotifyByEmail = true, Language = language }));
    }

    [Theory]
    [InlineData("de-AT", "fr-FR", "de")]
    [InlineData(null, "es-MX", "es")]
    [InlineData(null, "", "en")]
    [InlineData(null, "ja-JP", "en")]
    public void The_language_is_the_one_asked_for_else_the_requests_else_English(string? requested, string uiCulture, string expected)
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(uiCulture);
            Assert.Equal(expected, SafetyReports.Intake.ReportIntake.ReporterLanguage(requested));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    public static TheoryData<string, Func<ReportSubmissionRequest, ReportSubmissionRequest>> Broken() => new()
    {
        { "model", r => r with { Model = null } },
        { "model.host", r => r with { Model = r.Model! with { Host = " " } } },
        { "model.id", r => r with { Model = r.Model! with { Id = new string('x', 201) } } },
        { "model.url", r => r with { Model = r.Model! with { Url = "javascript:alert(1)" } } },
        { "category", r => r with { Category = "unknown" } },
        { "category", r => r with { Category = null } },
        { "severity", r => r with { Severity = "apocalyptic" } },
        { "title", r => r with { Title = null } },
        { "title", r => r with { Title = new string('t', 201) } },
        { "title", r => r with { Title = "line\nbreak" } },
        { "title", r => r with { Title = "evil\u202Etxt" } },
        { "description", r => r with { Description = new string('d', 20_001) } },
        { "description", r => r with { Description = "null\0byte" } },
        { "evidence", r => r with { Evidence = Enumerable.Repeat<EvidenceInput?>(new EvidenceInput("url", "x"), 21).ToList() } },
        { "evidence[0].kind", r => r with { Evidence = [new EvidenceInput("video", "x")] } },
        { "evidence[0].content", r => r with { Evidence = [new EvidenceInput("output", new string('e', 20_001))] } },
        { "evidence[0]", r => r with { Evidence = [null] } },
        { "reporter.email", r => r with { Reporter = new ReporterInput(null, "not-an-email") } },
        { "reporter.email", r => r with { Reporter = new ReporterInput(null, new string('a', 250) + "@x.io") } },
        { "reporter.name", r => r with { Reporter = new ReporterInput(new string('n', 201), null) } },
        { "goodFaith", r => r with { GoodFaith = false } },
        { "notifyByEmail", r => r with { NotifyByEmail = true, Reporter = null } },
        { "notifyByEmail", r => r with { NotifyByEmail = true, Reporter = new ReporterInput("Ann", " ") } },
        { "notifyByEmail", r => r with { NotifyByEmail = true, Reporter = new ReporterInput("Ann", "not-an-email") } },
        { "language", r => r with { Language = "tlh" } },
        { "language", r => r with { Language = "zh-Hant" } },
        { "goodFaith", r => r with { GoodFaith = null } },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Names_the_invalid_field(string field, Func<ReportSubmissionRequest, ReportSubmissionRequest> breakIt)
    {
        var errors = SubmissionValidator.Validate(breakIt(Valid()));
        Assert.Contains(field, errors.Keys);
    }

    public static TheoryData<string, Func<ReportSubmissionRequest, ReportSubmissionRequest>, string> BrokenText() => new()
    {
        { "title", r => r with { Title = "broken \uD800 title" }, SubmissionValidator.BrokenCharacter },
        { "description", r => r with { Description = "\uDC00" }, SubmissionValidator.BrokenCharacter },
        { "evidence[0].content", r => r with { Evidence = [new EvidenceInput("output", "x\uDBFF")] }, SubmissionValidator.BrokenCharacter },
        { "reporter.name", r => r with { Reporter = new ReporterInput("Ann\uD83D", null) }, SubmissionValidator.BrokenCharacter },
        { "model.host", r => r with { Model = r.Model! with { Host = "hugging\u200Bface" } }, SubmissionValidator.InvisibleInIdentifier },
        { "model.id", r => r with { Model = r.Model! with { Id = "org/na\u200Dme" } }, SubmissionValidator.InvisibleInIdentifier },
        { "model.id", r => r with { Model = r.Model! with { Id = "\uFEFForg/name" } }, SubmissionValidator.InvisibleInIdentifier },
        { "model.revision", r => r with { Model = r.Model! with { Revision = "main\u2060" } }, SubmissionValidator.InvisibleInIdentifier },
        { "model.url", r => r with { Model = r.Model! with { Url = "https://example.org/org/na\u00ADme" } }, SubmissionValidator.InvisibleInIdentifier },
        { "reporter.email", r => r with { Reporter = new ReporterInput(null, "ann\u200C@example.org") }, SubmissionValidator.InvisibleInIdentifier },
        { "title", r => r with { Title = "\u200B\u200B" }, "Required." },
        { "description", r => r with { Description = " \uFEFF\n\u2060 " }, "Required." },
        { "evidence[0].content", r => r with { Evidence = [new EvidenceInput("output", "\u200C")] }, "Required." },
        { "reporter.name", r => r with { Reporter = new ReporterInput("\u200B", null) }, SubmissionValidator.OnlyInvisible },
    };

    [Theory]
    [MemberData(nameof(BrokenText))]
    public void Refuses_unpaired_surrogates_anywhere_invisible_characters_in_identifiers_and_text_that_reads_as_empty(
        string field, Func<ReportSubmissionRequest, ReportSubmissionRequest> breakIt, string message)
    {
        var errors = SubmissionValidator.Validate(breakIt(Valid()));
        Assert.Equal(message, Assert.Single(errors[field]));
        Assert.Single(errors);
    }

    [Fact]
    public void Free_text_keeps_joiners_and_zero_width_spaces_that_scripts_need()
    {
        var persian = Valid() with
        {
            Title = "مدل می\u200Cگوید",
            Description = "ภาษา\u200Bไทย and a family \U0001F468\u200D\U0001F469\u200D\U0001F467",
            Evidence = [new EvidenceInput("output", "न\u094D\u200Dक")],
            Reporter = new ReporterInput("فاطمه\u200Cی", null),
        };
        Assert.Empty(SubmissionValidator.Validate(persian));
    }

    [Fact]
    public void Limits_are_inclusive()
    {
        var atLimits = Valid() with
        {
            Title = new string('t', SubmissionLimits.MaxTitle),
            Description = new string('d', SubmissionLimits.MaxDescription),
            Evidence = Enumerable.Repeat<EvidenceInput?>(new EvidenceInput("output", new string('e', SubmissionLimits.MaxEvidenceContent)), SubmissionLimits.MaxEvidenceItems).ToList(),
        };
        Assert.Empty(SubmissionValidator.Validate(atLimits));
    }
}

public class SubmissionDigestTests
{
    private static string Digest(char hex) => "sha256:" + new string(hex, 64);

    [Fact]
    public void File_digests_are_optional_and_valid_ones_pass()
    {
        var request = SubmissionValidatorTests.Valid();
        Assert.Empty(SubmissionValidator.Validate(request with { Model = request.Model! with { FileDigests = [Digest('a'), Digest('A')] } }));
    }

    [Fact]
    public void A_bad_digest_is_named_by_its_place_and_too_many_by_the_field()
    {
        var request = SubmissionValidatorTests.Valid();

        var bad = SubmissionValidator.Validate(request with { Model = request.Model! with { FileDigests = [Digest('a'), "sha1:abc"] } });
        Assert.Equal(["model.fileDigests[1]"], bad.Keys);

        var many = SubmissionValidator.Validate(request with
        {
            Model = request.Model! with { FileDigests = Enumerable.Range(0, 101).Select(i => (string?)$"sha256:{i:x64}").ToList() },
        });
        Assert.Equal(["model.fileDigests"], many.Keys);
    }
}
