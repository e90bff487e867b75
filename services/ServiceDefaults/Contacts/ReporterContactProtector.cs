using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;

namespace SafetyReports.ServiceDefaults.Contacts;

/// <summary>
/// Encrypts a reporter's contact once, at Intake, so it stays ciphertext on the broker and in
/// every store; only a maintainer's view of a report decrypts it.
/// </summary>
public sealed partial class ReporterContactProtector(IDataProtectionProvider provider, ILogger<ReporterContactProtector>? logger = null)
{
    public const string KeysDirectorySetting = "SafetyReports:DataProtection:KeysDirectory";

    /// <summary>How often, at most, an unreadable contact is logged: the cause is one for every report.</summary>
    private static readonly TimeSpan LogEvery = TimeSpan.FromHours(1);

    private readonly IDataProtector _protector = provider.CreateProtector("SafetyReports.ReporterContact.v1");
    private readonly ILogger _logger = logger ?? NullLogger<ReporterContactProtector>.Instance;
    private long _loggedAt = long.MinValue;

    public string? Protect(ReporterContact? contact) =>
        contact is null || contact.IsEmpty ? null : _protector.Protect(JsonSerializer.Serialize(contact));

    public ReporterContact? Unprotect(string? protectedContact) =>
        protectedContact is null ? null : JsonSerializer.Deserialize<ReporterContact>(_protector.Unprotect(protectedContact));

    /// <summary>
    /// The contact for a maintainer's view. When this key ring cannot decrypt it (another ring than Intake's, or a
    /// lost key) the answer says it is unavailable instead of throwing: the rest of the report stays readable and
    /// movable. The cause is logged, at most once an hour.
    /// </summary>
    public ContactReading Read(string? protectedContact)
    {
        if (protectedContact is null)
        {
            return ContactReading.None;
        }

        try
        {
            return new ContactReading(Unprotect(protectedContact), Unavailable: false);
        }
        catch (CryptographicException ex)
        {
            var now = Environment.TickCount64;
            var last = Interlocked.Read(ref _loggedAt);
            if ((last == long.MinValue || now - last >= (long)LogEvery.TotalMilliseconds)
                && Interlocked.CompareExchange(ref _loggedAt, now, last) == last)
            {
                Unreadable(_logger, KeysDirectorySetting, ex);
            }

            return new ContactReading(null, Unavailable: true);
        }
    }

    /// <summary>Whether this key ring decrypts <paramref name="protectedContact"/>; logs nothing (for health checks).</summary>
    public bool CanDecrypt(string protectedContact)
    {
        try
        {
            _protector.Unprotect(protectedContact);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A reporter's contact cannot be decrypted with this service's Data Protection key ring: Intake and Triage "
        + "must share one ({Setting}: the same folder or volume for both), or a key of it was lost. Reports are shown and moved with their contact "
        + "unavailable until the key ring is fixed. Logged at most once an hour.")]
    private static partial void Unreadable(ILogger logger, string setting, Exception exception);
}

/// <summary>A report's contact as a maintainer's view shows it: the contact, none, or unavailable (undecryptable here).</summary>
public sealed record ContactReading(ReporterContact? Contact, bool Unavailable)
{
    public static readonly ContactReading None = new(null, false);
}
