using SafetyReports.Contracts;
using SafetyReports.ServiceDefaults.Contacts;
using SafetyReports.ServiceDefaults.Text;
using SafetyReports.Triage.Domain;

namespace SafetyReports.UnitTests.Triage;

public class ReporterMailTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly Uri Status = new("https://reports.example/status?link=abc");
    private static readonly Uri Unsubscribe = new("https://reports.example/unsubscribe?t=def");

    private static Report Report(string language = "en", bool notify = true, string? contact = "CfDJ8-protected") => new()
    {
        Id = Guid.Parse("0b7e4f2a-93d1-4c55-8f0e-2d6a1c9b7e31"),
        Status = ReportStatuses.NeedsInfo,
        Version = 3,
        Model = new ModelReference("hub", "org/model", null, null),
        Category = "child-sexual-exploitation",
        Title = "<b>Title</b>",
        Description = "d",
        ProtectedContact = contact,
        NotifyByEmail = notify,
        Language = language,
        ReceivedAt = Now.AddDays(-1),
        UpdatedAt = Now,
    };

    private static ReportStatusChanged Changed(string to, string? from) =>
        new(Guid.NewGuid(), to, from, 4, new ModelReference("hub", "m", null, null), "other", null, "t", null, Now);

    [Theory]
    [InlineData(ReportStatuses.NeedsInfo, ReportStatuses.Triaging, ReporterMailKind.NeedsInfo)]
    [InlineData(ReportStatuses.Triaged, ReportStatuses.Triaging, ReporterMailKind.Triaged)]
    [InlineData(ReportStatuses.Resolved, ReportStatuses.Acknowledged, ReporterMailKind.Closed)]
    [InlineData(ReportStatuses.Rejected, ReportStatuses.Received, ReporterMailKind.Closed)]
    [InlineData(ReportStatuses.Duplicate, ReportStatuses.Triaging, ReporterMailKind.Closed)]
    public void Asking_for_information_triage_and_closing_each_call_for_a_mail(string to, string from, ReporterMailKind kind)
    {
        Assert.Equal(kind, ReporterMailRules.ForStatusChange(Changed(to, from)));
    }

    [Theory]
    [InlineData(ReportStatuses.Triaging, ReportStatuses.Received)]
    [InlineData(ReportStatuses.HostNotified, ReportStatuses.Triaged)]
    [InlineData(ReportStatuses.Acknowledged, ReportStatuses.HostNotified)]
    [InlineData(ReportStatuses.Duplicate, ReportStatuses.Rejected)]
    [InlineData(ReportStatuses.Triaged, ReportStatuses.Triaged)]
    public void Other_moves_and_corrections_between_closed_statuses_call_for_none(string to, string from)
    {
        Assert.Null(ReporterMailRules.ForStatusChange(Changed(to, from)));
    }

    [Fact]
    public void Only_a_reporter_who_opted_in_and_still_has_a_contact_is_written_to()
    {
        Assert.True(ReporterMailRules.Wants(Report()));
        Assert.False(ReporterMailRules.Wants(Report(notify: false)));
        Assert.False(ReporterMailRules.Wants(Report(contact: null)));
    }

    [Fact]
    public void The_mail_id_is_the_same_for_the_same_event_and_differs_between_events()
    {
        var id = Guid.NewGuid();

        Assert.Equal(ReporterMailRules.MailId(id, ReporterMailKind.Triaged, 4), ReporterMailRules.MailId(id, ReporterMailKind.Triaged, 4));
        Assert.NotEqual(ReporterMailRules.MailId(id, ReporterMailKind.Triaged, 4), ReporterMailRules.MailId(id, ReporterMailKind.Triaged, 5));
        Assert.NotEqual(ReporterMailRules.MailId(id, ReporterMailKind.Triaged, 4), ReporterMailRules.MailId(id, ReporterMailKind.HostResponded, 4));
        Assert.NotEqual(ReporterMailRules.MailId(id, ReporterMailKind.Triaged, 4), ReporterMailRules.MailId(Guid.NewGuid(), ReporterMailKind.Triaged, 4));
    }

    [Fact]
    public void Unsubscribing_stops_the_mails_once_and_keeps_the_contact()
    {
        var (updated, audit) = ReporterUnsubscription.Apply(Report(), Now)!.Value;

        Assert.False(updated.NotifyByEmail);
        Assert.Equal("CfDJ8-protected", updated.ProtectedContact);
        Assert.Equal(4, updated.Version);
        Assert.Equal(ReporterUnsubscription.Unsubscribed, audit.Action);
        Assert.Null(ReporterUnsubscription.Apply(updated, Now));
    }

    [Fact]
    public void Erasing_the_contact_also_stops_the_mails()
    {
        Assert.False(ContactErasure.Remove(Report(), ContactErasure.Erased, ContactErasure.ReporterActor, Now)!.Value.Report.NotifyByEmail);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_mail_in_every_language_names_the_category_the_model_and_both_links(string language)
    {
        foreach (var kind in Enum.GetValues<ReporterMailKind>())
        {
            var mail = ReporterMailComposer.Compose(Guid.NewGuid(), Report(language), kind, ReportStatuses.Rejected, "a <note>",
                new ReporterContact("Rita", "rita@example.org"), Status, Now.AddDays(14), Unsubscribe);

            Assert.Equal(language, mail.Language);
            Assert.Contains("hub/org/model", mail.Subject, StringComparison.Ordinal);
            Assert.Contains(ReporterMailText.Category("child-sexual-exploitation", language), mail.Text, StringComparison.Ordinal);
            Assert.Contains(Status.AbsoluteUri, mail.Text, StringComparison.Ordinal);
            Assert.Contains(Unsubscribe.AbsoluteUri, mail.Text, StringComparison.Ordinal);
            Assert.Contains("2026-12-21 09:00 UTC", mail.Text, StringComparison.Ordinal);
            Assert.Contains("> <b>Title</b>", mail.Text, StringComparison.Ordinal);
            Assert.Contains("&lt;b&gt;Title&lt;/b&gt;", mail.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("<note>", mail.Html, StringComparison.Ordinal);
            Assert.Equal(Unsubscribe, mail.UnsubscribeUrl);
        }
    }

    [Fact]
    public void The_category_reads_as_the_taxonomy_names_it_in_each_language()
    {
        Assert.Equal("Child sexual exploitation", ReporterMailText.Category("child-sexual-exploitation", "en"));
        Assert.Equal("Exploitation sexuelle des enfants", ReporterMailText.Category("child-sexual-exploitation", "fr"));
        Assert.Equal("Sexuelle Ausbeutung von Kindern", ReporterMailText.Category("child-sexual-exploitation", "de"));
        foreach (var category in HazardTaxonomy.Categories)
        {
            Assert.Equal(category.Label, ReporterMailText.Category(category.Code, "en"));
        }
    }

    [Fact]
    public void A_closed_mail_says_how_it_was_closed()
    {
        string Body(string status) => ReporterMailComposer.Compose(Guid.NewGuid(), Report(), ReporterMailKind.Closed, status, null,
            new ReporterContact(null, "r@example.org"), Status, Now, Unsubscribe).Text;

        Assert.Contains("closed as resolved", Body(ReportStatuses.Resolved), StringComparison.Ordinal);
        Assert.Contains("closed without action", Body(ReportStatuses.Rejected), StringComparison.Ordinal);
        Assert.Contains("closed as a duplicate", Body(ReportStatuses.Duplicate), StringComparison.Ordinal);
        Assert.StartsWith("Hello,\n", Body(ReportStatuses.Resolved), StringComparison.Ordinal);
    }

    public static TheoryData<string> Languages() => [.. SupportedLanguages.Tags];
}
