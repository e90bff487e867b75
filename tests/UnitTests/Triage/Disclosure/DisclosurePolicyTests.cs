using System.Text.Json;
using SafetyReports.Contracts;
using SafetyReports.Triage.Disclosure;
using SafetyReports.Triage.Domain;

namespace SafetyReports.UnitTests.Triage.Disclosure;

public class DisclosurePolicyTests
{
    private static readonly DateTimeOffset Triaged = new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly DisclosureOptions Ninety = new() { After = TimeSpan.FromDays(90), ReminderBefore = TimeSpan.FromDays(14) };

    private static Report Report(string status = ReportStatuses.HostNotified) => new()
    {
        Id = Guid.NewGuid(),
        Status = status,
        Version = 4,
        Model = new ModelReference("hub", "org/model", "main", null),
        Category = "hate",
        Severity = "high",
        Title = "Secret title",
        Description = "Secret description",
        Evidence = [new EvidenceItem("prompt", "secret evidence")],
        ProtectedContact = "protected",
        ReceivedAt = Triaged.AddHours(-5).AddMinutes(-17),
        UpdatedAt = Triaged,
        TriagedAt = Triaged,
        HostNotifiedAt = Triaged.AddMinutes(3),
    };

    [Fact]
    public void Off_by_default_nothing_is_ever_due() =>
        Assert.Equal(DisclosureStep.None, DisclosurePolicy.Step(Report(), Triaged.AddYears(3), new DisclosureOptions()));

    [Fact]
    public void The_host_is_reminded_before_the_deadline_and_the_report_disclosed_at_it()
    {
        var report = Report();
        Assert.Equal(DisclosureStep.None, DisclosurePolicy.Step(report, Triaged.AddDays(76).AddSeconds(-1), Ninety));
        Assert.Equal(DisclosureStep.Remind, DisclosurePolicy.Step(report, Triaged.AddDays(76), Ninety));

        var (reminded, audit, pending) = DisclosurePolicy.Remind(report, Triaged.AddDays(76), Ninety);
        Assert.Equal((Triaged.AddDays(90), report.Version + 1), (pending.DisclosesAt, reminded.Version));
        Assert.Equal(DisclosurePolicy.RemindAction, audit.Action);
        Assert.Equal(DisclosureStep.None, DisclosurePolicy.Step(reminded, Triaged.AddDays(90).AddSeconds(-1), Ninety));
        Assert.Equal(DisclosureStep.Disclose, DisclosurePolicy.Step(reminded, Triaged.AddDays(90), Ninety));

        var (disclosed, _) = DisclosurePolicy.Disclose(reminded, Triaged.AddDays(90));
        Assert.Null(DisclosurePolicy.UnansweredSince(disclosed));
        Assert.Equal(DisclosureStep.None, DisclosurePolicy.Step(disclosed, Triaged.AddYears(1), Ninety));
    }

    [Fact]
    public void A_late_reminder_still_gives_the_host_the_whole_reminder_period()
    {
        var (reminded, _, pending) = DisclosurePolicy.Remind(Report(), Triaged.AddDays(200), Ninety);
        Assert.Equal(Triaged.AddDays(214), pending.DisclosesAt);
        Assert.Equal(DisclosureStep.None, DisclosurePolicy.Step(reminded, Triaged.AddDays(213), Ninety));
        Assert.Equal(DisclosureStep.Disclose, DisclosurePolicy.Step(reminded, Triaged.AddDays(214), Ninety));
    }

    [Theory]
    [InlineData(ReportStatuses.Rejected)]
    [InlineData(ReportStatuses.Duplicate)]
    public void Reports_found_invalid_are_never_disclosed(string status) =>
        Assert.Equal(DisclosureStep.None, DisclosurePolicy.Step(Report(status), Triaged.AddDays(400), Ninety));

    [Fact]
    public void A_response_stops_the_clock_an_acknowledgement_or_a_resolve_does_not()
    {
        var responded = Report() with { RespondedAt = Triaged.AddDays(2) };
        Assert.Equal(DisclosureStep.None, DisclosurePolicy.Step(responded, Triaged.AddDays(400), Ninety));
        Assert.Equal(DisclosureStep.Remind, DisclosurePolicy.Step(Report(ReportStatuses.Acknowledged) with { AcknowledgedAt = Triaged.AddDays(1) }, Triaged.AddDays(80), Ninety));
        Assert.Equal(DisclosureStep.Remind, DisclosurePolicy.Step(Report(ReportStatuses.Resolved), Triaged.AddDays(80), Ninety));
        Assert.Null(DisclosurePolicy.UnansweredSince(Report() with { TriagedAt = null }));
    }

    [Fact]
    public void The_public_entry_holds_no_text_evidence_contact_or_exact_receipt_time()
    {
        var (reminded, _, _) = DisclosurePolicy.Remind(Report(ReportStatuses.Acknowledged) with { AcknowledgedAt = Triaged.AddDays(1) }, Triaged.AddDays(76), Ninety);
        var (disclosed, audit) = DisclosurePolicy.Disclose(reminded, Triaged.AddDays(90));
        var entry = DisclosureEntry.From(disclosed);
        var json = JsonSerializer.Serialize(entry) + audit.Data;
        foreach (var secret in new[] { "Secret", "secret", "protected" })
        {
            Assert.DoesNotContain(secret, json, StringComparison.Ordinal);
        }

        Assert.Equal(new DateTimeOffset(2026, 1, 10, 0, 0, 0, TimeSpan.Zero), entry.ReceivedOn);
        Assert.Equal((DisclosureEntry.AcknowledgedNoResponse, Triaged.AddDays(90)), (entry.HostSilence, entry.Deadline));
    }

    [Theory]
    [InlineData("1767225600000_0123456789abcdef0123456789abcdef", true)]
    [InlineData("nope", false)]
    [InlineData("-1_0123456789abcdef0123456789abcdef", false)]
    [InlineData("1_0123", false)]
    public void Cursors_round_trip_and_anything_else_is_refused(string text, bool valid)
    {
        var cursor = DisclosureListing.Decode(text);
        Assert.Equal(valid, cursor is not null);
        if (cursor is not null)
        {
            Assert.Equal(text, DisclosureListing.Encode(cursor));
        }
    }

    [Fact]
    public void Options_refuse_a_reminder_at_or_after_the_deadline()
    {
        Assert.True(Ninety.IsValid());
        Assert.False(new DisclosureOptions { After = TimeSpan.FromDays(10), ReminderBefore = TimeSpan.FromDays(10) }.IsValid());
        Assert.False(new DisclosureOptions { After = TimeSpan.Zero }.IsValid());
    }
}
