using System.Globalization;
using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;

namespace SafetyReports.UnitTests.Triage;

public class MaintainerMailTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static MaintainerNotifications Wants(string? severity, NotificationDelivery delivery = NotificationDelivery.Immediate, string? email = "m@example.org") =>
        new("sub-" + severity + delivery, email, severity, false, false, false, false, delivery, Now);

    [Theory]
    [InlineData("high", "critical", true)]
    [InlineData("high", "high", true)]
    [InlineData("high", "medium", false)]
    [InlineData("high", "low", false)]
    [InlineData("low", "low", true)]
    [InlineData("low", null, false)]
    [InlineData(null, "critical", false)]
    public void A_new_report_is_mailed_at_or_above_the_chosen_severity(string? threshold, string? severity, bool mailed) =>
        Assert.Equal(mailed, MaintainerMailRules.WantsNewReport(Wants(threshold), severity));

    private static Report Assigned(string? assignee, string? severity = "high") => new()
    {
        Id = Guid.NewGuid(),
        Status = ReportStatuses.Triaging,
        Version = 1,
        Model = new ModelReference("hub", "org/model", null, null),
        Category = "violent-crime",
        Severity = severity,
        Title = "t",
        Description = "d",
        ReceivedAt = Now,
        UpdatedAt = Now,
        Assignee = assignee,
    };

    private static MaintainerNotifications Everything(string? name, string? email = "m@example.org") =>
        new("sub-" + name, email, null, true, true, true, true, NotificationDelivery.Immediate, Now, name);

    [Theory]
    [InlineData(MaintainerEventKind.SlaBreach)]
    [InlineData(MaintainerEventKind.ReporterAnswered)]
    [InlineData(MaintainerEventKind.HostResponded)]
    [InlineData(MaintainerEventKind.Contested)]
    public void Events_after_triage_go_only_to_the_maintainer_the_report_is_assigned_to(MaintainerEventKind kind)
    {
        var ana = Everything("ana@example.org");
        var bo = Everything("bo@example.org");
        var unnamed = Everything(null);

        Assert.Equal([ana], MaintainerMailRules.Recipients([ana, bo, unnamed], kind, Assigned("ana@example.org")));
        Assert.Empty(MaintainerMailRules.Recipients([ana, bo, unnamed], kind, Assigned(null)));
        Assert.Empty(MaintainerMailRules.Recipients([ana], kind, Assigned("Ana@example.org")));
        Assert.Empty(MaintainerMailRules.Recipients([ana with { Email = null }], kind, Assigned("ana@example.org")));
    }

    [Fact]
    public void Each_choice_is_its_own_switch()
    {
        var report = Assigned("ana");
        var onlyContests = Everything("ana") with { SlaBreach = false, ReporterAnswered = false, HostResponded = false };

        Assert.Equal(
            [MaintainerEventKind.Contested],
            Enum.GetValues<MaintainerEventKind>().Where(k => MaintainerMailRules.Wants(onlyContests, k, report)));
    }

    [Fact]
    public void Digest_maintainers_are_recipients_too_and_new_reports_need_no_assignment()
    {
        var digest = Wants("high", NotificationDelivery.DailyDigest);
        var noAddress = Wants("low", email: null);

        Assert.Equal([digest], MaintainerMailRules.Recipients([digest, noAddress], MaintainerEventKind.NewReport, Assigned(null, "critical")));
    }

    [Fact]
    public void The_mail_id_is_stable_per_maintainer_and_event()
    {
        var report = Guid.NewGuid();
        var deadline = Now.AddHours(4);
        Assert.Equal(Id("a", MaintainerEvent.NewReport(report, Now)), Id("a", MaintainerEvent.NewReport(report, Now.AddMinutes(5))));
        Assert.NotEqual(Id("a", MaintainerEvent.NewReport(report, Now)), Id("b", MaintainerEvent.NewReport(report, Now)));
        Assert.NotEqual(Id("a", MaintainerEvent.NewReport(report, Now)), Id("a", MaintainerEvent.NewReport(Guid.NewGuid(), Now)));
        Assert.Equal(Id("a", MaintainerEvent.SlaBreach(report, deadline)), Id("a", MaintainerEvent.SlaBreach(report, deadline)));
        // A new deadline (the severity changed) is a new breach.
        Assert.NotEqual(Id("a", MaintainerEvent.SlaBreach(report, deadline)), Id("a", MaintainerEvent.SlaBreach(report, deadline.AddHours(1))));
        Assert.NotEqual(Id("a", MaintainerEvent.HostResponded(report, "h", 1, Now)), Id("a", MaintainerEvent.HostResponded(report, "h", 2, Now)));

        static Guid Id(string maintainer, MaintainerEvent e) => MaintainerMailRules.EventId(maintainer, e);
    }

    [Theory]
    [InlineData("2026-12-07T06:59:59Z", 7, "2026-12-06T07:00:00Z")]
    [InlineData("2026-12-07T07:00:00Z", 7, "2026-12-07T07:00:00Z")]
    [InlineData("2026-12-07T23:00:00Z", 0, "2026-12-07T00:00:00Z")]
    [InlineData("2026-12-07T22:59:00Z", 23, "2026-12-06T23:00:00Z")]
    public void The_digest_covers_until_the_latest_digest_hour(string now, int hour, string cutoff) =>
        Assert.Equal(DateTimeOffset.Parse(cutoff, CultureInfo.InvariantCulture),
            MaintainerMailRules.DigestCutoff(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture), hour));

    [Fact]
    public void A_digest_lists_each_event_with_its_link_escapes_titles_and_says_when_a_report_is_gone()
    {
        var report = Assigned("ana") with { Title = "<b>bold</b>" };
        var link = new Uri($"https://reports.example/portal/reports/{report.Id}");
        var goneLink = new Uri($"https://reports.example/portal/reports/{Guid.NewGuid()}");
        var items = new List<(MaintainerDigestItem, Report?, Uri)>
        {
            (new MaintainerDigestItem(Guid.NewGuid(), "a", MaintainerEventKind.HostResponded, report.Id, Now), report, link),
            (new MaintainerDigestItem(Guid.NewGuid(), "a", MaintainerEventKind.SlaBreach, Guid.NewGuid(), Now.AddHours(1)), null, goneLink),
        };

        var mail = MaintainerMailComposer.Digest(Guid.NewGuid(), "m@example.org", Now.AddHours(2), items);

        Assert.Equal("Your SafetyReports digest: 2 events until 2026-12-07 11:00 UTC", mail.Subject);
        Assert.Contains("2026-12-07 09:00 UTC — The host responded on your report about hub/org/model", mail.Text, StringComparison.Ordinal);
        Assert.Contains("2026-12-07 10:00 UTC — Triage deadline passed on your report", mail.Text, StringComparison.Ordinal);
        Assert.Contains(link.AbsoluteUri, mail.Text, StringComparison.Ordinal);
        Assert.Contains(goneLink.AbsoluteUri, mail.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bold", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_mail_links_to_the_portal_escapes_the_title_and_holds_no_reporter_contact()
    {
        var report = new Report
        {
            Id = Guid.NewGuid(),
            Status = ReportStatuses.Received,
            Version = 1,
            Model = new ModelReference("hub", "org/model", null, null),
            Category = "violent-crime",
            Severity = "critical",
            Title = "<script>x</script>",
            Description = "d",
            ReceivedAt = Now,
            UpdatedAt = Now,
            ProtectedContact = "CfDJ8-protected",
        };
        var link = new Uri($"https://reports.example/portal/reports/{report.Id}");

        var mail = MaintainerMailComposer.NewReport(Guid.NewGuid(), "m@example.org", report, link);

        Assert.Equal("New critical report about hub/org/model", mail.Subject);
        Assert.Contains(link.AbsoluteUri, mail.Text, StringComparison.Ordinal);
        Assert.Contains("> <script>x</script>", mail.Text, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;x&lt;/script&gt;", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("CfDJ8", mail.Text + mail.Html, StringComparison.Ordinal);
        Assert.Null(mail.UnsubscribeUrl);
    }
}
