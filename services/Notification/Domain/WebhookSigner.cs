using System.Security.Cryptography;

namespace SafetyReports.Notification.Domain;

/// <summary>
/// Signs a webhook as the Standard Webhooks specification says: HMAC-SHA256 over
/// <c>{id}.{timestamp}.{body}</c>, sent as <c>v1,{base64}</c>; several signatures are space-separated.
/// </summary>
public static class WebhookSigner
{
    public static string Sign(string secret, string webhookId, long timestamp, string body)
    {
        var content = Encoding.UTF8.GetBytes($"{webhookId}.{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(WebhookSecret.KeyOf(secret), content));
    }

    /// <summary>The <c>webhook-signature</c> header value for every secret that currently signs.</summary>
    public static string SignatureHeader(IEnumerable<string> secrets, string webhookId, long timestamp, string body) =>
        string.Join(' ', secrets.Select(s => Sign(s, webhookId, timestamp, body)));
}
