namespace SafetyReports.Notification.Domain;

/// <param name="ProtectedSecret">The signing secret (<c>whsec_…</c>), encrypted at rest.</param>
/// <param name="ModelPatterns">Globs over the host's model ids; the subscription covers a report when any matches.</param>
/// <param name="PreviousProtectedSecret">The secret before the last rotation, encrypted; it still signs until <paramref name="PreviousSecretExpiresAt"/>.</param>
/// <param name="FailingSince">The first failed attempt since the receiver last answered 2xx; null while it is healthy.</param>
/// <param name="DisabledReason">Why the subscription is disabled (<see cref="DisabledReasons"/>); null while enabled.</param>
/// <param name="DisabledAt">When it was disabled; null while enabled.</param>
public sealed record Subscription(
    Guid Id,
    string HostId,
    string Url,
    IReadOnlyList<string> Events,
    IReadOnlyList<string> ModelPatterns,
    string ProtectedSecret,
    bool Enabled,
    DateTimeOffset CreatedAt,
    string? PreviousProtectedSecret = null,
    DateTimeOffset? PreviousSecretExpiresAt = null,
    DateTimeOffset? FailingSince = null,
    string? DisabledReason = null,
    DateTimeOffset? DisabledAt = null);

public static class DisabledReasons
{
    /// <summary>An admin or the host turned it off.</summary>
    public const string Manual = "manual";

    /// <summary>The receiver answered 410 Gone.</summary>
    public const string Gone = "gone";

    /// <summary>Every attempt failed for longer than the auto-disable period.</summary>
    public const string Failing = "failing";

    /// <summary>The reasons Notification disables a subscription for on its own: what the admins' notices list.</summary>
    public static readonly IReadOnlyList<string> Automatic = [Gone, Failing];

    public static bool IsAutomatic(string? reason) => reason is not null && Automatic.Contains(reason);
}
