using System.Security.Cryptography;
using System.Text;

namespace SafetyReports.IntegrationTests.Infrastructure;

/// <summary>
/// A receiver's check of a webhook, written from the Standard Webhooks specification text and not
/// from the production signer: the signed content is "{webhook-id}.{webhook-timestamp}.{body}", the
/// key is the base64-decoded part of the secret after "whsec_", the header lists "v1,{base64}" values
/// separated by spaces, and one match is enough.
/// </summary>
public static class StandardWebhooks
{
    public static bool Verify(string secret, string webhookId, string timestamp, string body, string signatureHeader)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        using var hmac = new HMACSHA256(key);
        var expected = hmac.ComputeHash(Encoding.UTF8.GetBytes(webhookId + "." + timestamp + "." + body));
        foreach (var candidate in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = candidate.Split(',', 2);
            if (parts.Length == 2 && parts[0] == "v1"
                && CryptographicOperations.FixedTimeEquals(expected, SafeBase64(parts[1])))
            {
                return true;
            }
        }

        return false;
    }

    private static byte[] SafeBase64(string value)
    {
        try
        {
            return Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            return [];
        }
    }
}
