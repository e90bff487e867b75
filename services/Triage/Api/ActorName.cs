using System.Security.Claims;

namespace SafetyReports.Triage.Api;

/// <summary>
/// Who a caller is in audit entries and notes: the <c>name</c> claim (a user's e-mail) when present,
/// else <c>sub</c>, else <c>client_id</c>. Machine clients carry their client id in <c>name</c> and <c>sub</c>.
/// </summary>
public static class ActorName
{
    public const string Unknown = "unknown";

    public static string Of(ClaimsPrincipal user) =>
        First(user, "name", ClaimTypes.Name)
        ?? First(user, "sub", ClaimTypes.NameIdentifier)
        ?? First(user, "client_id")
        ?? Unknown;

    internal static string? First(ClaimsPrincipal user, params string[] types) =>
        types.Select(type => user.FindFirst(type)?.Value).FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
}
