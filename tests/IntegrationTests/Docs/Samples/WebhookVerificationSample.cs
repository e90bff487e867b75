using System.Security.Cryptography;
using System.Text;

namespace SafetyReports.IntegrationTests.Docs.Samples;

/// <summary>The receiver's check docs/webhooks.md shows, exactly as it is printed there (<see cref="DocSamplesTests"/> compares them).</summary>
public static class WebhookVerificationSample
{
    public static bool Check(string secret, string id, string timestamp, string body, string header) => Verify(secret, id, timestamp, body, header);

    // <sample: webhook-verify-csharp>
    static bool Verify(string secret, string id, string timestamp, string body, string header)
    {
        if (!long.TryParse(timestamp, out var seconds)
            || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > 300)
        {
            return false;
        }

        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        foreach (var entry in header.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var actual = new byte[32];
            if (entry.Split(',', 2) is ["v1", var signature]
                && Convert.TryFromBase64String(signature, actual, out var length) && length == actual.Length
                && CryptographicOperations.FixedTimeEquals(expected, actual))
            {
                return true;
            }
        }

        return false;
    }
    // </sample: webhook-verify-csharp>
}
