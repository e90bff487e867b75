namespace SafetyReports.Identity.Users;

/// <summary>A host user's host id is a user claim (<see cref="Scopes.HostIdClaim"/>), written when the user is created.</summary>
public static class HostUsers
{
    public static async Task<string?> HostIdOfAsync(UserManager<IdentityUser> users, IdentityUser user) =>
        (await users.GetClaimsAsync(user)).FirstOrDefault(c => c.Type == Scopes.HostIdClaim)?.Value;
}
