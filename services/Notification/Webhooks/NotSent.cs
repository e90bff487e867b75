using System.Security.Cryptography;

namespace SafetyReports.Notification.Webhooks;

/// <summary>
/// Why an attempt failed before anything was sent, as the delivery log shows it (hosts read it): what to do about it, not
/// the exception's text, which may name internal keys or paths. The whole exception goes to the logs.
/// </summary>
public static class NotSent
{
    public static string Reason(Exception exception) => exception switch
    {
        CryptographicException => "Not sent: the subscription's signing secret can no longer be decrypted; rotate the secret.",
        UriFormatException or InvalidOperationException or ArgumentException => "Not sent: the request could not be built from the subscription's URL.",
        FormatException => "Not sent: the subscription's signing secret cannot be used; rotate the secret.",
        _ => $"Not sent: the attempt failed before sending ({exception.GetType().Name}).",
    };
}
