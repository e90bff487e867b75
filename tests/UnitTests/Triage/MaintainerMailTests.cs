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

    [Fact]
    public void Only_immediate_maintainers_with_an_address_get_a_mail_per_new_report()
    {
        var immediate = Wants("high");
        var digest = Wants("high", NotificationDelivery.DailyDigest);
        var noAddress = Wants("low", email: null);

        Assert.Equal([immediate], MaintainerMailRules.ImmediateForNewReport([immediate, digest, noAddress], "critical"));
    }

    [Fact]
    public void The_mail_id_is_stable_per_maintainer_and_report()
    {
        var report = Guid.NewGuid();
        Assert.Equal(MaintainerMailRules.NewReportMailId("a", report), MaintainerMailRules.NewReportMailId("a", report));
        Assert.NotEqual(MaintainerMailRules.NewReportMailId("a", report), MaintainerMailRules.NewReportMailId("b", report));
        Assert.NotEqual(MaintainerMailRules.NewReportMailId("a", report), MaintainerMailRules.NewReportMailId("a", Guid.NewGuid()));
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
