using System.Security.Cryptography;
using SafetyReports.Notification.Webhooks;

namespace SafetyReports.UnitTests.Notification;

public class NotSentTests
{
    [Fact]
    public void Each_reason_says_what_to_do_and_none_repeats_the_exceptions_text()
    {
        var secret = "key {0f3c7a12-0000-4000-8000-000000000001} was not found in the key ring at /var/keys";
        Exception[] failures = [new CryptographicException(secret), new FormatException(secret), new UriFormatException(secret), new IOException(secret)];

        var reasons = failures.Select(NotSent.Reason).ToList();

        Assert.Contains("rotate the secret", reasons[0], StringComparison.Ordinal);
        Assert.Contains("rotate the secret", reasons[1], StringComparison.Ordinal);
        Assert.Contains("URL", reasons[2], StringComparison.Ordinal);
        Assert.Contains(nameof(IOException), reasons[3], StringComparison.Ordinal);
        Assert.Equal(reasons.Count, reasons.Distinct().Count());
        Assert.All(reasons, r => Assert.DoesNotContain("key ring", r, StringComparison.Ordinal));
    }
}
