using Microsoft.AspNetCore.DataProtection;

namespace SafetyReports.ServiceDefaults.Email;

/// <summary>
/// A queued mail holds an address and what the mail says: it is kept encrypted with the service's Data Protection key ring,
/// as the reporter's contact is, and decrypted only by the loop that sends it.
/// </summary>
public sealed class MailProtector(IDataProtectionProvider provider)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly IDataProtector _protector = provider.CreateProtector("SafetyReports.Email.QueuedMail.v1");

    public QueuedMail Queue(OutgoingMail mail, DateTimeOffset now) =>
        new(mail.Id, _protector.Protect(JsonSerializer.Serialize(mail, Json)), now, 0, now);

    public OutgoingMail Read(QueuedMail queued) =>
        JsonSerializer.Deserialize<OutgoingMail>(_protector.Unprotect(queued.ProtectedMail), Json)
        ?? throw new InvalidDataException("Empty queued mail.");
}
