namespace SafetyReports.Portal.Auth;

/// <summary>When the session's access token must be refreshed: shortly before it expires, so no API call carries an expired one.</summary>
public static class AccessTokenLifetime
{
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(1);

    /// <param name="expiresAt">The <c>expires_at</c> token value the OpenID Connect handler saves (round-trip format).</param>
    public static bool NeedsRefresh(string? expiresAt, DateTimeOffset now) =>
        !DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expires)
        || expires - now <= RefreshMargin;

    public static string ExpiresAt(DateTimeOffset now, int expiresInSeconds) =>
        now.AddSeconds(expiresInSeconds).ToString("o", CultureInfo.InvariantCulture);
}
