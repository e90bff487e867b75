using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;

namespace SafetyReports.UnitTests.Triage;

public class WebhookDisableNoticeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static Report Notified() => new()
    {
        Id = Guid.NewGuid(),
        Status = ReportStatuses.Triaged,
        Version = 3,
        Model = new ModelReference("hub", "org/model"),
        Category = "hate",
        Title = "Title",
        Description = "Description",
        ReceivedAt = Now.AddDays(-6),
        UpdatedAt = Now.AddDays(-5),
    };

    private static WebhookSubscriptionDisabled Disabled(Guid reportId, DateTimeOffset at) =>
        new(Guid.NewGuid(), "hub", "failing", at.AddDays(-5), at, [reportId]);

    private static AuditEntry Entry(AuditDraft draft) =>
        new(1, draft.ReportId, draft.At, draft.Actor, draft.Action, draft.Data, new string('0', 64), "hash");

    [Fact]
    public void A_disabled_subscription_is_a_system_entry_on_the_report_and_nothing_else_changes()
    {
        var report = Notified();
        var disabled = Disabled(report.Id, Now);

        var (updated, audit) = WebhookDisableNotice.Record(report, disabled, Now.AddSeconds(1));

        Assert.Equal(report with { Version = 4, UpdatedAt = Now.AddSeconds(1) }, updated);
        Assert.Equal(WebhookDisableNotice.Action, audit.Action);
        Assert.Equal(SystemMoves.SystemActor, audit.Actor);
        Assert.Contains("\"reason\":\"failing\"", audit.Data);
        Assert.Contains(disabled.SubscriptionId.ToString(), audit.Data);
    }

    [Fact]
    public void The_same_disablement_is_recognised_in_the_audit_and_another_one_is_not()
    {
        var report = Notified();
        var disabled = Disabled(report.Id, Now);
        var (_, audit) = WebhookDisableNotice.Record(report, disabled, Now);
        var entries = new[] { Entry(new AuditDraft(report.Id, Now, "system", "host_notified", "{}")), Entry(audit) };

        Assert.True(WebhookDisableNotice.IsRecorded(entries, disabled));
        Assert.True(WebhookDisableNotice.IsRecorded(entries, disabled with { AffectedReportIds = [] }));
        Assert.False(WebhookDisableNotice.IsRecorded(entries, disabled with { DisabledAt = Now.AddDays(9) }));
        Assert.False(WebhookDisableNotice.IsRecorded(entries, disabled with { SubscriptionId = Guid.NewGuid() }));
        Assert.False(WebhookDisableNotice.IsRecorded([], disabled));
    }
}
