using SafetyReports.ServiceDefaults.Email;

namespace SafetyReports.UnitTests.Email;

public class MailMessageFactoryTests
{
    private static readonly EmailOptions Options = new() { From = "reports@safety.example" };

    private static OutgoingMail Mail(Uri? unsubscribe) =>
        new(Guid.Parse("6a1f0c52-2b9e-4c1e-9a65-2f1f9c1d0b11"), "reporter@example.org", "Subject", "text", "<p>html</p>", "fr", unsubscribe);

    [Fact]
    public void The_Message_ID_comes_from_the_mail_id_so_every_attempt_carries_the_same()
    {
        var first = MailMessageFactory.Build(Mail(null), Options, DateTimeOffset.UnixEpoch);
        var again = MailMessageFactory.Build(Mail(null), Options, DateTimeOffset.UnixEpoch.AddHours(1));

        Assert.Equal("6a1f0c522b9e4c1e9a652f1f9c1d0b11@safety.example", first.MessageId);
        Assert.Equal(first.MessageId, again.MessageId);
    }

    [Fact]
    public void A_mail_with_an_unsubscribe_link_offers_RFC_8058_one_click()
    {
        var message = MailMessageFactory.Build(Mail(new Uri("https://reports.example/unsubscribe?t=abc")), Options, DateTimeOffset.UnixEpoch);

        Assert.Equal("<https://reports.example/unsubscribe?t=abc>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("fr", message.Body!.Headers["Content-Language"]);
        Assert.Equal("text", message.TextBody);
        Assert.Equal("<p>html</p>", message.HtmlBody);
    }

    [Fact]
    public void A_mail_without_one_has_no_unsubscribe_headers()
    {
        var message = MailMessageFactory.Build(Mail(null), Options, DateTimeOffset.UnixEpoch);

        Assert.Null(message.Headers["List-Unsubscribe"]);
        Assert.Null(message.Headers["List-Unsubscribe-Post"]);
    }
}
