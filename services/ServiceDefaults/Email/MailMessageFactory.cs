using MimeKit;

namespace SafetyReports.ServiceDefaults.Email;

/// <summary>Builds the MIME message of an <see cref="OutgoingMail"/>: a text and an HTML alternative, its stable Message-ID, one-click unsubscribe.</summary>
public static class MailMessageFactory
{
    public static MimeMessage Build(OutgoingMail mail, EmailOptions options, DateTimeOffset date)
    {
        var message = new MimeMessage
        {
            MessageId = mail.MessageId(options.Domain),
            Subject = mail.Subject,
            Date = date,
        };
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        // Notifications, not a conversation: an out-of-office reply should not answer them (RFC 3834).
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (mail.UnsubscribeUrl is { } unsubscribe)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe.AbsoluteUri}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        message.Body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html }.ToMessageBody();
        // A Content-* header belongs to the body entity in MIME (MimeKit keeps it there).
        message.Body.Headers.Add(HeaderId.ContentLanguage, mail.Language);
        return message;
    }
}
