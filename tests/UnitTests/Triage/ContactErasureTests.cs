using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;

namespace SafetyReports.UnitTests.Triage;

public class ContactErasureTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static Report WithContact(string? contact, bool allowed) => new()
    {
        Id = Guid.NewGuid(),
        Status = ReportStatuses.Resolved,
        Version = 4,
        Model = new ModelReference("hub", "org/model", null, null),
        Category = "other",
        Title = "t",
        Description = "d",
        ProtectedContact = contact,
        ContactAllowed = allowed,
        ReceivedAt = Now.AddDays(-1),
        UpdatedAt = Now.AddHours(-1),
    };

    [Fact]
    public void Removes_the_contact_and_records_the_action_without_the_removed_data()
    {
        var report = WithContact("CfDJ8-protected-contact", allowed: true);
        var (updated, audit) = ContactErasure.Remove(report, ContactErasure.Erased, ContactErasure.ReporterActor, Now)!.Value;
        Assert.Null(updated.ProtectedContact);
        Assert.False(updated.ContactAllowed);
        Assert.Equal(5, updated.Version);
        Assert.Equal(Now, updated.UpdatedAt);
        Assert.Equal(("reporter", "contact_erased", report.Id), (audit.Actor, audit.Action, audit.ReportId));
        Assert.DoesNotContain("CfDJ8", audit.Data, StringComparison.Ordinal);
        Assert.Equal("""{"hadContact":true}""", audit.Data);
    }

    [Fact]
    public void A_report_without_contact_is_left_alone_so_a_repeat_changes_nothing()
    {
        Assert.Null(ContactErasure.Remove(WithContact(null, allowed: false), ContactErasure.Purged, ContactErasure.RetentionActor, Now));
        var once = ContactErasure.Remove(WithContact("x", allowed: false), ContactErasure.Purged, ContactErasure.RetentionActor, Now)!.Value.Report;
        Assert.Null(ContactErasure.Remove(once, ContactErasure.Purged, ContactErasure.RetentionActor, Now));
    }
}
