using SafetyReports.Contracts;
using SafetyReports.ServiceDefaults.Messaging;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.TransparencyLog;

namespace SafetyReports.UnitTests.Triage.TransparencyLog;

/// <summary>Which audit entries tell a host their leaf: the entries the domain writes for its notification, acknowledgement and first response.</summary>
public class HostLeafAnnouncementTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, 250, TimeSpan.Zero);

    private static Report Triaged() => new()
    {
        Id = Guid.NewGuid(),
        Status = ReportStatuses.Triaged,
        Version = 3,
        Model = new ModelReference("hub", "org/model"),
        Category = "hate",
        Title = "Title",
        Description = "Description",
        ReceivedAt = Now.AddDays(-3),
        UpdatedAt = Now.AddDays(-1),
    };

    private static AuditEntry Linked(AuditDraft draft, long sequence = 42) => AuditChain.Link(draft, sequence, AuditChain.GenesisHash);

    [Fact]
    public void Notification_acknowledgement_and_first_response_announce_the_entrys_leaf_to_the_host_the_entry_names()
    {
        var report = Triaged();
        var notified = SystemMoves.RecordDelivery(report, new WebhookDelivered(report.Id, "hub-of-sub", Guid.NewGuid(), "wh_1", "report.triaged", Now), Now)!.Value;
        var acknowledged = SystemMoves.RecordAcknowledgement(notified.Report, new HostAcknowledged(report.Id, "hub", null, Now), Now)!.Value;
        var responded = HostResponseMoves.Record(acknowledged.Report,
            new HostResponded(report.Id, "hub", 1, "removed", "the repository", null, "ToS", false, null, Now), Now)!.Value;

        Assert.Equal(new AuditLeafRecorded(report.Id, "hub-of-sub", "host_notified", 41, Now), HostLeafAnnouncement.For(Linked(notified.Audit)));
        Assert.Equal(new AuditLeafRecorded(report.Id, "hub", "host_acknowledged", 6, Now), HostLeafAnnouncement.For(Linked(acknowledged.Audit, 7)));
        Assert.Equal(new AuditLeafRecorded(report.Id, "hub", "host_responded", 0, Now), HostLeafAnnouncement.For(Linked(responded.Audit, 1)));

        var message = Assert.Single(HostLeafAnnouncement.Messages(Linked(responded.Audit, 1)));
        Assert.Equal(typeof(AuditLeafRecorded).FullName, message.MessageType);
        Assert.True(MessageSerialization.TryDeserialize(message.MessageType, message.Body, out var read, out _, out _));
        Assert.Equal(HostLeafAnnouncement.For(Linked(responded.Audit, 1)), read);
    }

    [Theory]
    [InlineData("received", """{"hostId":"hub"}""")]
    [InlineData("host_response_updated", """{"hostId":"hub"}""")]
    [InlineData("transition", """{"from":"triaging","to":"triaged"}""")]
    [InlineData("host_notified", """{"from":"triaged"}""")]
    [InlineData("host_notified", """{"hostId":""}""")]
    [InlineData("host_notified", """{"hostId":7}""")]
    [InlineData("host_notified", "[1]")]
    [InlineData("host_notified", "not json")]
    public void Other_entries_and_entries_without_a_host_announce_nothing(string action, string data)
    {
        var entry = Linked(new AuditDraft(Guid.NewGuid(), Now, "system", action, data));
        Assert.Null(HostLeafAnnouncement.For(entry));
        Assert.Empty(HostLeafAnnouncement.Messages(entry));
    }
}
