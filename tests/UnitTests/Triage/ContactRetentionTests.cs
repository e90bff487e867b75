using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;

namespace SafetyReports.UnitTests.Triage;

public class ContactRetentionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Retention = TimeSpan.FromDays(180);

    private static Report Report(string status, DateTimeOffset? closedAt, string? contact = "protected") => new()
    {
        Id = Guid.NewGuid(),
        Status = status,
        Version = 3,
        Model = new ModelReference("hub", "org/model", null, null),
        Category = "other",
        Title = "t",
        Description = "d",
        ProtectedContact = contact,
        ContactAllowed = contact is not null,
        ClosedAt = closedAt,
        ReceivedAt = Now.AddDays(-400),
        UpdatedAt = Now.AddDays(-300),
    };

    [Theory]
    [InlineData(ReportStatuses.Resolved)]
    [InlineData(ReportStatuses.Rejected)]
    [InlineData(ReportStatuses.Duplicate)]
    public void Closing_stamps_the_close_time_once_and_reopening_clears_it(string closed)
    {
        var open = Report(ReportStatuses.Triaging, null);
        Assert.Equal(Now, ContactRetention.ClosedAt(open, closed, Now));
        var wasClosed = Report(ReportStatuses.Resolved, Now.AddDays(-2));
        Assert.Equal(Now.AddDays(-2), ContactRetention.ClosedAt(wasClosed, closed, Now));
        Assert.Null(ContactRetention.ClosedAt(wasClosed, ReportStatuses.Triaging, Now));
        Assert.Null(ContactRetention.ClosedAt(open, ReportStatuses.NeedsInfo, Now));
    }

    [Fact]
    public void A_closed_report_with_contact_is_due_only_after_the_retention()
    {
        Assert.True(ContactRetention.IsDue(Report(ReportStatuses.Rejected, Now - Retention - TimeSpan.FromSeconds(1)), Now, Retention));
        Assert.False(ContactRetention.IsDue(Report(ReportStatuses.Rejected, Now - Retention), Now, Retention));
        Assert.False(ContactRetention.IsDue(Report(ReportStatuses.Rejected, Now.AddDays(-1)), Now, Retention));
    }

    [Fact]
    public void Open_reports_reports_without_contact_and_unstamped_reports_are_never_due()
    {
        var old = Now.AddDays(-365);
        Assert.False(ContactRetention.IsDue(Report(ReportStatuses.Triaging, old), Now, Retention));
        Assert.False(ContactRetention.IsDue(Report(ReportStatuses.Resolved, old, contact: null), Now, Retention));
        Assert.False(ContactRetention.IsDue(Report(ReportStatuses.Resolved, null), Now, Retention));
        Assert.Null(ContactRetention.PurgeKey(Report(ReportStatuses.Resolved, old, contact: null)));
        Assert.Equal(old, ContactRetention.PurgeKey(Report(ReportStatuses.Duplicate, old)));
    }

    [Fact]
    public void Retention_interval_and_batch_size_must_be_positive()
    {
        Assert.True(new ContactRetentionOptions().IsValid());
        Assert.Equal(TimeSpan.FromDays(180), new ContactRetentionOptions().ContactRetention);
        Assert.False(new ContactRetentionOptions { ContactRetention = TimeSpan.Zero }.IsValid());
        Assert.False(new ContactRetentionOptions { ContactRetention = TimeSpan.FromDays(-1) }.IsValid());
        Assert.False(new ContactRetentionOptions { ContactPurgeInterval = TimeSpan.Zero }.IsValid());
        Assert.False(new ContactRetentionOptions { ContactPurgeBatchSize = 0 }.IsValid());
    }
}
