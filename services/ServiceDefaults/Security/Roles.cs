namespace SafetyReports.ServiceDefaults.Security;

/// <summary>Roles of maintainers who sign in; tokens carry them in the <see cref="ClaimType"/> claim.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Triager = "triager";

    /// <summary>A model host's person: signs in to the portal's host inbox, bound to one host id (the <c>host_id</c> claim).</summary>
    public const string Host = "host";

    public const string ClaimType = "role";

    public static readonly IReadOnlyList<string> All = [Admin, Triager];
}
