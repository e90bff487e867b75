using MimeKit;

namespace SafetyReports.ServiceDefaults.Email;

/// <summary>Where a built mail goes: an SMTP server, or the mail folder when none is configured.</summary>
public interface IMailTransport
{
    /// <summary>Returns once the server accepted the mail (or the file is on disk); throws when it did not.</summary>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
