namespace SafetyReports.ServiceDefaults.Security;

/// <summary>Roles of the people who sign in; tokens carry them in the <see cref="ClaimType"/> claim.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Triager = "triager";

    /// <summary>
    /// Someone of a model host who works its notices in the portal's host inbox. Bound to one host id (the user's
    /// <see cref="Scopes.HostIdClaim"/> claim) and never combined with the maintainers' roles.
    /// </summary>
    public const string Host = "host";

    public const string ClaimType = "role";

    /// <summary>The maintainers' roles.</summary>
    public static readonly IReadOnlyList<string> Maintainers = [Admin, Triager];

    public static readonly IReadOnlyList<string> All = [Admin, Triager, Host];
}
