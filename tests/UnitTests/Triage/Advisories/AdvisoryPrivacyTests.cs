using System.Text.Json;
using SafetyReports.Triage.Advisories;
using static SafetyReports.UnitTests.Triage.Advisories.AdvisoryTestData;

namespace SafetyReports.UnitTests.Triage.Advisories;

public class AdvisoryPrivacyTests
{
    public static TheoryData<Type> Served() => [.. AdvisoryPrivacy.ServedTypes];

    [Theory]
    [MemberData(nameof(Served))]
    public void No_type_an_advisory_is_kept_or_served_as_can_hold_a_contact(Type type) =>
        Assert.Empty(AdvisoryPrivacy.Violations(type));

    private sealed record WithContact(string Id, IReadOnlyList<Nested> Credits);

    private sealed record Nested(string Name, string? ReporterEmail);

    private sealed record WithReport(SafetyReports.Triage.Domain.Report Source);

    private sealed record WithAnything(object Extra);

    [Fact]
    public void The_rule_finds_a_contact_member_however_deep_a_report_inside_and_an_untyped_member()
    {
        Assert.Equal(["WithContact.Credits.ReporterEmail (named like 'email')"], AdvisoryPrivacy.Violations(typeof(WithContact)));
        Assert.Equal(["WithReport.Source is a Report"], AdvisoryPrivacy.Violations(typeof(WithReport)));
        Assert.Equal(["WithAnything.Extra can hold anything"], AdvisoryPrivacy.Violations(typeof(WithAnything)));
    }

    [Theory]
    [InlineData("osv")]
    [InlineData("avid")]
    public void A_served_advisory_of_a_report_with_a_contact_holds_none_of_the_reporters_data(string format)
    {
        var report = Resolved();
        var advisory = AdvisoryContent.Draft(report, Everything(), null, Now) with { Id = "SR-2026-0001" };
        var served = System.Text.Encoding.UTF8.GetString(AdvisoryJson.Serve(advisory, format));

        foreach (var secret in new[] { ReporterEmail, ReporterName, report.Title, report.Description, report.HostResponse!.Grounds, report.HostResponse.Note!,
                     report.Id.ToString() })
        {
            Assert.DoesNotContain(secret, served, StringComparison.OrdinalIgnoreCase);
        }

        using var document = JsonDocument.Parse(served);
        Assert.Equal(format == "osv" ? "x_SR-2026-0001" : "SR-2026-0001",
            format == "osv" ? document.RootElement.GetProperty("id").GetString() : document.RootElement.GetProperty("metadata").GetProperty("report_id").GetString());
    }

    [Theory]
    [InlineData("write to a.b@example.org", true)]
    [InlineData("a.b at example dot org", false)]
    [InlineData("Example Lab", false)]
    public void E_mail_addresses_are_recognised(string text, bool contains) => Assert.Equal(contains, AdvisoryPrivacy.ContainsEmailAddress(text));
}
