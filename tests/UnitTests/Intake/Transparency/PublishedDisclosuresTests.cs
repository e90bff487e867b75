using System.Text;
using SafetyReports.Intake.Transparency;

namespace SafetyReports.UnitTests.Intake.Transparency;

/// <summary>Triage's disclosure listing as the page reads it; anything else leaves the section out.</summary>
public class PublishedDisclosuresTests
{
    public const string Listing = """
        {"policy":{"enabled":true,"afterSeconds":7776000,"reminderBeforeSeconds":1209600},
         "items":[{"reportId":"0f8fad5b-d9cb-469f-a165-70867728950e","model":{"host":"hub-w","id":"org/<script>x()</script>"},
           "category":"hate","severity":"high","receivedOn":"2026-05-01T00:00:00+00:00","triagedAt":"2026-05-02T10:00:00+00:00",
           "deadline":"2026-07-31T10:00:00+00:00","disclosedAt":"2026-07-31T11:00:00+00:00","hostNotifiedAt":"2026-05-02T10:01:00+00:00",
           "acknowledgedAt":null,"respondedAt":null,"hostSilence":"no_acknowledgement_no_response"}],
         "nextCursor":null}
        """;

    [Fact]
    public void The_listing_is_read_with_its_policy_and_entries()
    {
        var listing = PublishedDisclosures.Parse(Encoding.UTF8.GetBytes(Listing));

        Assert.NotNull(listing);
        Assert.True(listing.IsEnabled);
        Assert.Equal(7_776_000, listing.Policy!.AfterSeconds);
        var entry = Assert.Single(listing.Items);
        Assert.Equal(new DisclosedModel("hub-w", "org/<script>x()</script>"), entry.Model);
        Assert.Equal("no_acknowledgement_no_response", entry.HostSilence);
        Assert.Null(entry.AcknowledgedAt);
    }

    [Fact]
    public void A_policy_that_is_off_says_so()
    {
        var listing = PublishedDisclosures.Parse(Encoding.UTF8.GetBytes("""{"policy":{"enabled":false,"afterSeconds":null,"reminderBeforeSeconds":null},"items":[],"nextCursor":null}"""));

        Assert.False(listing!.IsEnabled);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"unexpected":true}""")]
    [InlineData("""{"items":[{"category":"hate"}]}""")]
    [InlineData("[]")]
    public void Anything_else_leaves_the_section_out(string body)
    {
        Assert.Null(PublishedDisclosures.Parse(Encoding.UTF8.GetBytes(body)));
    }
}
