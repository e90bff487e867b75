using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace SafetyReports.ServiceDefaults.Security;

/// <summary>
/// Encrypts a reporter's contact once, at Intake, so it stays ciphertext on the broker and in
/// every store; only a maintainer's view of a report decrypts it.
/// </summary>
public sealed class ReporterContactProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("SafetyReports.ReporterContact.v1");

    public string? Protect(ReporterContact? contact) =>
        contact is null || contact.IsEmpty ? null : _protector.Protect(JsonSerializer.Serialize(contact));

    public ReporterContact? Unprotect(string? protectedContact) =>
        protectedContact is null ? null : JsonSerializer.Deserialize<ReporterContact>(_protector.Unprotect(protectedContact));
}
