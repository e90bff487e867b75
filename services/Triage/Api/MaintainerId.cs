using System.Security.Claims;

namespace SafetyReports.Triage.Api;

/// <summary>Whose notification choices a caller reads and writes: the token's subject, else the machine client's id.</summary>
public static class MaintainerId
{
    public static string Of(ClaimsPrincipal user) =>
        ActorName.First(user, "sub", ClaimTypes.NameIdentifier) ?? ActorName.First(user, "client_id") ?? ActorName.Unknown;

    /// <summary>The address a user signed in with (the <c>email</c> claim, or a <c>name</c> that is one), proposed until they choose.</summary>
    public static string? SignedInAddress(ClaimsPrincipal user) =>
        new[] { ActorName.First(user, "email", ClaimTypes.Email), ActorName.First(user, "name", ClaimTypes.Name) }
            .FirstOrDefault(value => value is not null && MailboxAddressCheck.IsAddress(value));
}
