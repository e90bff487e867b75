using System.Text;
using MassTransit;
using MassTransit.Context;
using MassTransit.Serialization;
using SafetyReports.Contracts;
using SafetyReports.ServiceDefaults.Messaging;

namespace SafetyReports.UnitTests.ServiceDefaults;

/// <summary>What a bus signature covers: the sender's bytes must be what a receiver reads out of MassTransit's envelope.</summary>
public class SignedMessageBytesTests
{
    private static readonly ReportSubmitted Submission = new(
        Guid.NewGuid(), new DateTimeOffset(2026, 11, 29, 12, 0, 0, 123, TimeSpan.Zero), new ModelReference("huggingface", "a/ü \"quoted\""),
        "hate", null, "<title> & ' ünïcode 🚩", "line one\nline two", [new EvidenceItem("prompt", "x\u2028y")], "cipher", true);

    [Fact]
    public void The_sender_signs_exactly_what_the_receiver_reads_from_the_envelope()
    {
        var envelope = Envelope(Submission);

        Assert.Equal(Encoding.UTF8.GetString(MessageSerialization.SignedBytes(Submission)),
            Encoding.UTF8.GetString(MessageSerialization.ReceivedMessageBytes(envelope)!));
    }

    [Fact]
    public void A_field_the_receiver_does_not_know_stays_in_what_it_checks()
    {
        var newer = new { Submission.ReportId, Submission.Title, AddedLater = "by a newer sender" };
        var received = MessageSerialization.ReceivedMessageBytes(Envelope(newer))!;

        Assert.Contains("\"addedLater\":\"by a newer sender\"", Encoding.UTF8.GetString(received));
        Assert.Equal(MessageSerialization.SignedBytes(newer), received);
    }

    [Fact]
    public void A_changed_field_changes_what_is_checked()
    {
        Assert.NotEqual(MessageSerialization.SignedBytes(Submission),
            MessageSerialization.ReceivedMessageBytes(Envelope(Submission with { Title = "another title" })));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"messageId\":\"x\"}")]
    [InlineData("{\"message\":\"a string, not an object\"}")]
    [InlineData("{\"message\":{\"title\":\"signed\"},\"message\":{\"title\":\"forged\"}}")]
    [InlineData("{\"message\":{\"title\":\"signed\"},\"Message\":{\"title\":\"forged\"}}")]
    public void A_body_that_is_no_envelope_holding_one_message_has_nothing_to_check(string body) =>
        Assert.Null(MessageSerialization.ReceivedMessageBytes(Encoding.UTF8.GetBytes(body)));

    private static byte[] Envelope<T>(T message)
        where T : class
    {
        var context = new MessageSendContext<T>(message, CancellationToken.None) { MessageId = Guid.NewGuid() };
        return new SystemTextJsonMessageSerializer().GetMessageBody(context).GetBytes();
    }
}
