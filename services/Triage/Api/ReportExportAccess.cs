using System.Security.Claims;
using OpenIddict.Abstractions;
using SafetyReports.ServiceDefaults.Security;

namespace SafetyReports.Triage.Api;

/// <summary>
/// Who may export one report's full record, or redact its text and evidence: admins only, not every triager. A signed-in admin's token
/// carries <c>role: admin</c>; machine clients carry no role, so for them the admin mark is the
/// <c>identity:admin</c> scope, which Identity grants only to admins and to clients an admin seeded with it.
/// Either way the token must also hold the <c>triage</c> scope.
/// </summary>
public static class ReportExportAccess
{
    public const string Policy = "triage-report-export";

    public static bool Allows(ClaimsPrincipal user) =>
        user.HasScope(Scopes.Triage)
        && (user.HasClaim(Roles.ClaimType, Roles.Admin) || user.HasScope(Scopes.IdentityAdmin));
}
