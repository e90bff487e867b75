using System.Security.Claims;
using OpenIddict.Abstractions;
using SafetyReports.ServiceDefaults.Security;
using SafetyReports.Triage.Api;

namespace SafetyReports.UnitTests.Triage;

public class ReportExportAccessTests
{
    private static ClaimsPrincipal User(string[] scopes, params string[] roles)
    {
        var identity = new ClaimsIdentity("Bearer");
        identity.SetScopes(scopes);
        foreach (var role in roles)
        {
            identity.AddClaim(new Claim(Roles.ClaimType, role));
        }

        return new ClaimsPrincipal(identity);
    }

    [Fact]
    public void A_signed_in_admin_with_the_triage_scope_may_export()
    {
        Assert.True(ReportExportAccess.Allows(User([Scopes.Triage], Roles.Admin)));
        Assert.True(ReportExportAccess.Allows(User([Scopes.Triage], Roles.Triager, Roles.Admin)));
    }

    [Fact]
    public void A_machine_client_needs_the_identity_admin_scope_besides_triage()
    {
        Assert.True(ReportExportAccess.Allows(User([Scopes.Triage, Scopes.IdentityAdmin])));
        Assert.False(ReportExportAccess.Allows(User([Scopes.Triage])));
        Assert.False(ReportExportAccess.Allows(User([Scopes.Triage, Scopes.NotificationsAdmin])));
    }

    [Fact]
    public void Triagers_hosts_and_admins_without_the_triage_scope_may_not()
    {
        Assert.False(ReportExportAccess.Allows(User([Scopes.Triage], Roles.Triager)));
        Assert.False(ReportExportAccess.Allows(User([Scopes.IdentityAdmin], Roles.Admin)));
        Assert.False(ReportExportAccess.Allows(User([Scopes.Host])));
        Assert.False(ReportExportAccess.Allows(User([])));
    }
}
