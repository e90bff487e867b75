namespace SafetyReports.Notification.Domain;

/// <summary>
/// Which secrets sign a webhook. After a rotation the previous secret keeps signing for a grace period,
/// so the header carries two <c>v1,</c> entries and a receiver can switch secrets without losing a webhook.
/// </summary>
public static class SigningSecrets
{
    public static readonly TimeSpan DefaultGracePeriod = TimeSpan.FromHours(24);

    /// <returns>The protected secrets that sign now, the current one first.</returns>
    public static IReadOnlyList<string> At(Subscription subscription, DateTimeOffset now) =>
        subscription is { PreviousProtectedSecret: { } previous, PreviousSecretExpiresAt: { } expires } && now < expires
            ? [subscription.ProtectedSecret, previous]
            : [subscription.ProtectedSecret];

    /// <summary>
    /// The subscription after a rotation to <paramref name="newProtectedSecret"/>. The secret that signed
    /// until now becomes the previous one; one rotated away earlier, still in its grace period, stops signing
    /// (the latest two secrets sign, never three).
    /// </summary>
    public static Subscription Rotate(Subscription subscription, string newProtectedSecret, DateTimeOffset now, TimeSpan gracePeriod) =>
        gracePeriod > TimeSpan.Zero
            ? subscription with
            {
                ProtectedSecret = newProtectedSecret,
                PreviousProtectedSecret = subscription.ProtectedSecret,
                PreviousSecretExpiresAt = now + gracePeriod,
            }
            : subscription with { ProtectedSecret = newProtectedSecret, PreviousProtectedSecret = null, PreviousSecretExpiresAt = null };
}
