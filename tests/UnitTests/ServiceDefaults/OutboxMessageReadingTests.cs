using SafetyReports.Contracts;
using SafetyReports.ServiceDefaults.Messaging;

namespace SafetyReports.UnitTests.ServiceDefaults;

/// <summary>An outbox row either reads back as its message or says why it never will (then it is set aside, not retried).</summary>
public class OutboxMessageReadingTests
{
    [Fact]
    public void A_row_written_for_a_message_reads_back_as_that_message()
    {
        var erased = new ReporterContactErased(Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        var row = OutboxMessage.For(erased, DateTimeOffset.UnixEpoch);

        Assert.True(MessageSerialization.TryDeserialize(row.MessageType, row.Body, out var message, out var type, out var unreadable));
        Assert.Equal((erased, typeof(ReporterContactErased), ""), (message, type, unreadable));
    }

    [Theory]
    [InlineData("SafetyReports.Contracts.NoSuchEvent", "{}", "Unknown message type")]
    [InlineData("SafetyReports.Contracts.ReporterContactErased", "{\"reportId\": ", "is not a")]
    [InlineData("SafetyReports.Contracts.ReporterContactErased", "{\"reportId\": 42}", "is not a")]
    [InlineData("SafetyReports.Contracts.ReporterContactErased", "null", "Empty")]
    public void A_row_that_can_never_be_published_says_why(string messageType, string body, string why)
    {
        Assert.False(MessageSerialization.TryDeserialize(messageType, body, out _, out _, out var unreadable));
        Assert.Contains(why, unreadable, StringComparison.Ordinal);
    }
}
