namespace SafetyReports.Notification.Domain;

/// <param name="ProtectedSecret">The signing secret (<c>whsec_…</c>), encrypted at rest.</param>
/// <param name="ModelPatterns">Globs over the host's model ids; the subscription covers a report when any matches.</param>
public sealed record Subscription(
    Guid Id,
    string HostId,
    string Url,
    IReadOnlyList<string> Events,
    IReadOnlyList<string> ModelPatterns,
    string ProtectedSecret,
    bool Enabled,
    DateTimeOffset CreatedAt);
