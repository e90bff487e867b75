using OpenIddict.Abstractions;

namespace SafetyReports.Notification.Api;

/// <summary>
/// Who may manage a host's subscriptions and deliveries: an admin (scope <c>notifications:admin</c>) for
/// every host, a host's own client (scope <c>host</c>) for the host its <c>host_id</c> claim names. To
/// anyone else another host's things do not exist (404), so host ids and subscription ids cannot be probed.
/// </summary>
public static class HostAccess
{
    /// <summary>The authorization policy of the endpoints both kinds of client may call.</summary>
    public const string AdminOrHostPolicy = "notifications:admin-or-host";

    public static bool IsAdmin(ClaimsPrincipal user) => user.HasScope(Scopes.NotificationsAdmin);

    /// <summary>The host a host client is bound to; null for any other client.</summary>
    public static string? OwnHost(ClaimsPrincipal user) =>
        user.HasScope(Scopes.Host) && user.FindFirst(Scopes.HostIdClaim)?.Value is { Length: > 0 } hostId ? hostId : null;

    public static bool CanManage(ClaimsPrincipal user, string hostId) => IsAdmin(user) || OwnHost(user) == hostId;
}
