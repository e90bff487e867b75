using System.Text.Json;
using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;
using static SafetyReports.Contracts.ReportStatuses;

namespace SafetyReports.UnitTests.Triage;

public class NoticeContentTests
{
    private static readonly DateTimeOffset Received = new(2026, 3, 1, 23, 59, 30, TimeSpan.FromHours(-5));
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 9, 0, 0, TimeSpan.Zero);

    private static Report Shared(bool description, int[] evidence, string? note = null) => ReportWorkflowTests.NewReport(Triaged, "high") with
    {
        Description = "The model gives instructions; mail rita@example.org for the log.",
        Evidence = [new EvidenceItem("prompt", "p0"), new EvidenceItem("output", "o1"), new EvidenceItem("url", "https://example.org/2")],
        ProtectedContact = "CfDJ8-protected-contact-of-the-reporter",
        ContactAllowed = true,
        ReceivedAt = Received,
        TriagedAt = Now,
        Model = new ModelReference("hub", "org/model", "rev-7", "https://hub.example/org/model"),
        Notice = new ReportNotice(description, evidence, note, 3, Now),
    };

    [Fact]
    public void The_notice_carries_the_chosen_evidence_in_the_reports_order_the_description_and_the_note()
    {
        var report = Shared(true, [2, 0], "Please look at item 2.");

        var notice = NoticeContent.Of(report)!;

        Assert.Equal(report.Description, notice.Description);
        Assert.Equal([new EvidenceItem("prompt", "p0"), new EvidenceItem("url", "https://example.org/2")], notice.Evidence);
        Assert.Equal(("Please look at item 2.", 3, Now), (notice.NoteToHost, notice.Revision, notice.SharedAt));
        Assert.Equal((report.Id, report.Model, true), (notice.ReportId, notice.Model, notice.GoodFaith));
        // The day in UTC: 23:59 at UTC-5 is the next day.
        Assert.Equal(new DateOnly(2026, 3, 2), notice.ReceivedOn);
    }

    [Fact]
    public void Nothing_chosen_shares_neither_description_nor_evidence()
    {
        var notice = NoticeContent.Of(Shared(false, []))!;

        Assert.Null(notice.Description);
        Assert.Empty(notice.Evidence);
        Assert.Null(notice.NoteToHost);
    }

    [Fact]
    public void Redactions_are_in_what_is_shared_and_the_reporters_contact_never_is()
    {
        var report = Shared(true, [0, 1, 2]);
        var redacted = ReportRedaction.Apply(report, new RedactionRequest("rita@example.org", null, report.Version), "admin", Now).Report!;

        var json = JsonSerializer.Serialize(NoticeContent.Of(redacted));

        Assert.Equal("The model gives instructions; mail [redacted] for the log.", NoticeContent.Of(redacted)!.Description);
        Assert.DoesNotContain("rita", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(report.ProtectedContact!, json, StringComparison.Ordinal);
        Assert.DoesNotContain("contact", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("reporter", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_report_without_a_notice_has_none_to_share()
    {
        Assert.Null(NoticeContent.Of(ReportWorkflowTests.NewReport(Triaging)));
    }

    [Fact]
    public void Two_notices_differ_only_in_what_a_host_would_see()
    {
        var report = Shared(true, [0]);
        var before = NoticeContent.Of(report);

        Assert.False(NoticeContent.Differs(before, NoticeContent.Of(report with { Notice = report.Notice! with { Revision = 9, ChangedAt = Now.AddDays(1) } })));
        Assert.False(NoticeContent.Differs(before, NoticeContent.Of(report with { Evidence = [report.Evidence[0], new EvidenceItem("output", "other")] })));
        Assert.True(NoticeContent.Differs(before, NoticeContent.Of(report with { Evidence = [new EvidenceItem("prompt", "[redacted]"), .. report.Evidence.Skip(1)] })));
        Assert.True(NoticeContent.Differs(before, NoticeContent.Of(report with { Description = "[redacted]" })));
        Assert.True(NoticeContent.Differs(before, null));
        Assert.False(NoticeContent.Differs(null, null));
    }
}
