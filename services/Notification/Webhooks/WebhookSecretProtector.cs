using Microsoft.AspNetCore.DataProtection;

namespace SafetyReports.Notification.Webhooks;

/// <summary>Webhook secrets are kept encrypted at rest; only the dispatcher decrypts one, to sign.</summary>
public sealed class WebhookSecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("SafetyReports.Notification.WebhookSecret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
