using System.Security.Cryptography;

namespace SafetyReports.Notification.Domain;

/// <summary>Standard Webhooks secrets: <c>whsec_</c> followed by the base64 of the HMAC key.</summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";

    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static byte[] KeyOf(string secret)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new FormatException("A webhook secret starts with whsec_.");
        }

        return Convert.FromBase64String(secret[Prefix.Length..]);
    }
}
