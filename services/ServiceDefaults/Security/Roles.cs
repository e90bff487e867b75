namespace SafetyReports.ServiceDefaults.Security;

/// <summary>Roles of maintainers who sign in; tokens carry them in the <see cref="ClaimType"/> claim.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Triager = "triager";

    public const string ClaimType = "role";

    public static readonly IReadOnlyList<string> All = [Admin, Triager];
}
