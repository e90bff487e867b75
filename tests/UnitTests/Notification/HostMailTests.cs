using SafetyReports.Contracts;
using SafetyReports.Notification.Domain;

namespace SafetyReports.UnitTests.Notification;

public class HostMailTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid ReportId = Guid.Parse("0b7e4f2a-93d1-4c55-8f0e-2d6a1c9b7e31");
    private static readonly Uri Inbox = new($"https://reports.example/{HostMailRules.InboxPath(ReportId)}");
    private static readonly ModelHost Host = new("hub", "Hub", "security@hub.example", Now);

    private static Subscription Subscription(bool enabled, string hostId = "hub") =>
        new(Guid.NewGuid(), hostId, "https://hooks.example.org", [WebhookEvents.Triaged], ["**"], "s", enabled, Now);

    private static ReportSummary Summary(string title = "Jailbreak", string status = ReportStatuses.Triaged) =>
        new(status, 4, new ModelReference("hub", "org/model", null, null), "other", "high", title, Now);

    private static WebhookSubscriptionDisabled Disabled(string reason, DateTimeOffset? at = null) =>
        new(Guid.Parse("5d1c2b3a-0000-4000-8000-000000000001"), "hub", reason, Now.AddDays(-3), at ?? Now, [ReportId]);

    [Fact]
    public void A_host_with_a_contact_and_no_enabled_subscription_is_written_to()
    {
        Assert.True(HostMailRules.WantsNoticeMail(Host, []));
        Assert.True(HostMailRules.WantsNoticeMail(Host, [Subscription(enabled: false)]));
    }

    [Fact]
    public void A_host_with_an_enabled_subscription_an_unusable_contact_or_no_record_is_not()
    {
        Assert.False(HostMailRules.WantsNoticeMail(Host, [Subscription(enabled: false), Subscription(enabled: true)]));
        Assert.False(HostMailRules.WantsNoticeMail(Host with { ContactEmail = "not an address" }, []));
        Assert.False(HostMailRules.WantsNoticeMail(null, []));
        // Another host's subscription does not count.
        Assert.True(HostMailRules.WantsNoticeMail(Host, [Subscription(enabled: true, hostId: "other")]));
    }

    [Theory]
    [InlineData(DisabledReasons.Gone, true)]
    [InlineData(DisabledReasons.Failing, true)]
    [InlineData(DisabledReasons.Manual, false)]
    public void Only_a_disable_Notification_decided_is_mailed(string reason, bool mailed)
    {
        Assert.Equal(mailed, HostMailRules.WantsDisabledMail(Host, Disabled(reason)));
        Assert.False(HostMailRules.WantsDisabledMail(Host with { Id = "other" }, Disabled(reason)));
    }

    [Fact]
    public void Mail_ids_follow_the_event_and_the_host()
    {
        var id = HostMailRules.NoticeMailId("hub", ReportId, "4/report.triaged");
        Assert.Equal(id, HostMailRules.NoticeMailId("hub", ReportId, "4/report.triaged"));
        Assert.NotEqual(id, HostMailRules.NoticeMailId("hub", ReportId, "5/report.resolved"));
        Assert.NotEqual(id, HostMailRules.NoticeMailId("other", ReportId, "4/report.triaged"));
        Assert.NotEqual(id, HostMailRules.NoticeMailId("hub", Guid.NewGuid(), "4/report.triaged"));

        Assert.Equal(HostMailRules.DisabledMailId(Disabled(DisabledReasons.Gone)), HostMailRules.DisabledMailId(Disabled(DisabledReasons.Gone)));
        Assert.NotEqual(
            HostMailRules.DisabledMailId(Disabled(DisabledReasons.Gone)), HostMailRules.DisabledMailId(Disabled(DisabledReasons.Gone, Now.AddDays(1))));
    }

    [Fact]
    public void A_notice_mail_carries_the_reports_fields_and_the_inbox_link_in_english()
    {
        var mail = HostMailComposer.StatusChanged(Guid.NewGuid(), Host, ReportId, WebhookEvents.Triaged, Summary(), Inbox);

        Assert.Equal(("security@hub.example", "en", "New report about hub/org/model"), (mail.To, mail.Language, mail.Subject));
        foreach (var expected in new[] { ReportId.ToString(), "hub/org/model", "Category: other", "Severity: high", "Status: triaged", "> Jailbreak", Inbox.AbsoluteUri })
        {
            Assert.Contains(expected, mail.Text, StringComparison.Ordinal);
        }

        Assert.Contains($"href=\"{Inbox.AbsoluteUri}\"", mail.Html, StringComparison.Ordinal);
        Assert.Null(mail.UnsubscribeUrl);
    }

    [Fact]
    public void Hostile_host_names_and_titles_are_escaped_in_the_html()
    {
        var hostile = Host with { Name = "<script>alert(1)</script>" };
        var mail = HostMailComposer.StatusChanged(Guid.NewGuid(), hostile, ReportId, WebhookEvents.Resolved, Summary("\"><img src=x onerror=alert(2)>"), Inbox);

        Assert.DoesNotContain("<script>", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", mail.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", mail.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", mail.Html, StringComparison.Ordinal);
        // The text part says it as written.
        Assert.Contains("Hello <script>alert(1)</script>,", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_disclosure_notice_says_when_and_an_operational_mail_says_why()
    {
        var pending = new ReportDisclosurePending(ReportId, new ModelReference("hub", "org/model", null, null), Now.AddDays(-30), Now.AddDays(7), Now);
        var notice = HostMailComposer.DisclosurePending(Guid.NewGuid(), Host, pending, null, Inbox);
        Assert.Contains("2026-12-14 09:00 UTC", notice.Text, StringComparison.Ordinal);
        Assert.Contains(Inbox.AbsoluteUri, notice.Text, StringComparison.Ordinal);

        var gone = HostMailComposer.SubscriptionDisabled(Guid.NewGuid(), Host, Disabled(DisabledReasons.Gone), new Uri("https://reports.example/portal/host/subscriptions"));
        Assert.Contains("410 Gone", gone.Text, StringComparison.Ordinal);
        Assert.Contains("5d1c2b3a-0000-4000-8000-000000000001", gone.Text, StringComparison.Ordinal);
        var failing = HostMailComposer.SubscriptionDisabled(Guid.NewGuid(), Host, Disabled(DisabledReasons.Failing), new Uri("https://reports.example/portal/host/subscriptions"));
        Assert.Contains("failed since 2026-12-04 09:00 UTC", failing.Text, StringComparison.Ordinal);
    }
}
