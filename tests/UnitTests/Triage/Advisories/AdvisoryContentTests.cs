using SafetyReports.Contracts;
using SafetyReports.Triage.Advisories;
using SafetyReports.Triage.Domain;
using static SafetyReports.UnitTests.Triage.Advisories.AdvisoryTestData;

namespace SafetyReports.UnitTests.Triage.Advisories;

public class AdvisoryContentTests
{
    [Theory]
    [InlineData(ReportStatuses.Received)]
    [InlineData(ReportStatuses.Triaged)]
    [InlineData(ReportStatuses.HostNotified)]
    [InlineData(ReportStatuses.Rejected)]
    public void Only_a_resolved_or_disclosed_report_may_be_published(string status)
    {
        var open = Resolved() with { Status = status };
        Assert.Contains(status, AdvisoryContent.Ineligible(open));
        Assert.Null(AdvisoryContent.Ineligible(open with { DisclosedAt = Now }));
        Assert.Null(AdvisoryContent.Ineligible(Resolved()));
    }

    [Fact]
    public void Without_approved_fields_only_the_model_and_category_are_published_and_the_credit_is_anonymous()
    {
        var advisory = AdvisoryContent.Draft(Resolved(), new AdvisoryRequest([], null, null, null, null, null), null, Now);

        Assert.Equal(("huggingface", "org/model"), (advisory.Affected[0].Host, advisory.Affected[0].Id));
        Assert.Empty(advisory.Affected[0].Revisions);
        Assert.Empty(advisory.Affected[0].Digests);
        Assert.Equal("violent_crimes", advisory.Category);
        Assert.Null(advisory.Severity);
        Assert.Null(advisory.Summary);
        Assert.Null(advisory.Credit);
        Assert.Empty(advisory.HostResponses);
        Assert.Equal([new AdvisoryRevision(1, Now, AdvisoryFields.Published)], advisory.History);
    }

    [Fact]
    public void The_affected_models_are_the_named_one_with_its_digests_and_every_copy_the_report_reached_with_the_digests_it_shares()
    {
        const string Weights = "sha256:" + "ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12";
        const string Other = "sha256:" + "cd34cd34cd34cd34cd34cd34cd34cd34cd34cd34cd34cd34cd34cd34cd34cd34";
        var report = Resolved() with
        {
            Model = Resolved().Model with { FileDigests = [Weights, Other] },
            Hosts = [new ReportHost("mirror-hub", "mirror/model-copy", "digest", [Weights], Now)],
        };

        var advisory = AdvisoryContent.Draft(report, new AdvisoryRequest([], null, null, null, null, null), null, Now);

        Assert.Equal([("huggingface", "org/model"), ("mirror-hub", "mirror/model-copy")], advisory.Affected.Select(a => (a.Host, a.Id)));
        Assert.Equal([Weights, Other], advisory.Affected[0].Digests);
        Assert.Equal([Weights], advisory.Affected[1].Digests);
        Assert.Empty(advisory.Affected[1].Revisions);
    }

    [Fact]
    public void Approved_fields_are_published_and_the_hosts_free_text_never_is()
    {
        var advisory = AdvisoryContent.Draft(Resolved(), Everything(), null, Now);

        Assert.Equal("high", advisory.Severity);
        Assert.Equal(["abc123"], advisory.Affected[0].Revisions);
        Assert.Equal("Example Lab", advisory.Credit);
        var response = Assert.Single(advisory.HostResponses);
        Assert.Equal(("removed", "incompatible_with_terms"), (response.Action, response.DecisionGround));
        var json = System.Text.Json.JsonSerializer.Serialize(advisory);
        Assert.DoesNotContain(ReporterName, json);
        Assert.DoesNotContain(ReporterEmail, json);
    }

    [Fact]
    public void Text_given_without_being_approved_or_approved_without_text_is_refused()
    {
        var report = Resolved();
        var errors = AdvisoryContent.Validate(new AdvisoryRequest([AdvisoryFields.Credit], "a summary", null, null, null, null), report);
        Assert.Equal([AdvisoryFields.Credit, AdvisoryFields.Summary], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(AdvisoryFields.Summary, "Contact rita@example.org for details")]
    [InlineData(AdvisoryFields.Credit, "Rita <rita@example.org>")]
    public void No_e_mail_address_is_published_in_the_maintainers_text(string field, string text)
    {
        var request = field == AdvisoryFields.Summary
            ? new AdvisoryRequest([field], text, null, null, null, null)
            : new AdvisoryRequest([field], null, text, null, null, null);
        Assert.Contains("e-mail", AdvisoryContent.Validate(request, Resolved())[field][0]);
    }

    [Fact]
    public void Unknown_repeated_or_unavailable_fields_and_bad_references_are_field_errors()
    {
        var report = Resolved() with { Severity = null, HostResponse = null };
        Assert.Contains("fields", AdvisoryContent.Validate(new AdvisoryRequest(["title"], null, null, null, null, null), report).Keys);
        Assert.Contains("fields", AdvisoryContent.Validate(new AdvisoryRequest(["severity", "severity"], null, null, null, null, null), Resolved()).Keys);
        var errors = AdvisoryContent.Validate(new AdvisoryRequest([AdvisoryFields.Severity, AdvisoryFields.HostResponse, AdvisoryFields.References], null, null,
            [new AdvisoryReferenceRequest("WEB", "mailto:rita@example.org"), new AdvisoryReferenceRequest("BLOG", "https://example.net")], null, 0), report);
        Assert.Equal(["expectedRevision", AdvisoryFields.HostResponse, AdvisoryFields.References, AdvisoryFields.Severity], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, errors[AdvisoryFields.References].Length);
    }

    [Fact]
    public void A_revision_keeps_id_and_published_and_adds_to_the_history_and_withdrawing_is_one_more()
    {
        var first = AdvisoryContent.Draft(Resolved(), Everything(), null, Now) with { Id = "SR-2026-0001" };
        var same = AdvisoryContent.Draft(Resolved(), Everything(), first, Now.AddHours(1));
        Assert.True(AdvisoryContent.SameContent(first, same));

        var second = AdvisoryContent.Draft(Resolved(), Everything() with { Credit = "Other Lab" }, first, Now.AddHours(1));
        Assert.False(AdvisoryContent.SameContent(first, second));
        Assert.Equal(("SR-2026-0001", 2, Now, Now.AddHours(1)), (second.Id, second.Revision, second.Published, second.Modified));

        var withdrawn = AdvisoryContent.Withdraw(second, Now.AddHours(2));
        Assert.Equal((3, Now.AddHours(2)), (withdrawn.Revision, withdrawn.Withdrawn));
        Assert.Equal([AdvisoryFields.Published, AdvisoryFields.Revised, AdvisoryFields.WithdrawnChange], withdrawn.History.Select(h => h.Change));
    }

    [Fact]
    public void The_store_stamp_keeps_modification_times_strictly_increasing()
    {
        var draft = AdvisoryContent.Draft(Resolved(), Everything(), null, Now);
        var stamped = AdvisoryStamp.Apply(draft, "SR-2026-0002", Now.AddSeconds(5));
        Assert.Equal(Now.AddSeconds(5).AddMilliseconds(1), stamped.Modified);
        Assert.Equal(stamped.Modified, stamped.Published);
        Assert.Equal(stamped.Modified, stamped.History[^1].Modified);
        Assert.Equal(Now, AdvisoryStamp.Apply(draft, "SR-2026-0002", Now.AddSeconds(-5)).Modified);
    }

    [Fact]
    public void Feed_positions_are_cursors_this_api_gave_out_or_rfc_3339_times()
    {
        var cursor = new AdvisoryCursor(Now, "SR-2026-0001");
        Assert.Equal(cursor, AdvisoryFeed.Decode(AdvisoryFeed.Encode(cursor), timestamps: false));
        Assert.Equal(new AdvisoryCursor(Now, null), AdvisoryFeed.Decode("2026-12-07T11:30:00+01:00", timestamps: true));
        Assert.Null(AdvisoryFeed.Decode("2026-12-07T11:30:00+01:00", timestamps: false));
        Assert.Null(AdvisoryFeed.Decode("yesterday", timestamps: true));
        Assert.Null(AdvisoryFeed.Decode("123_not-an-id", timestamps: false));
    }
}
