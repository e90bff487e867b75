using SafetyReports.Identity.Tokens;

namespace SafetyReports.UnitTests.Identity;

public class ScopeGrantTests
{
    private static readonly string[] EverythingRequested =
        ["openid", "profile", "email", "roles", "offline_access", "triage", "notifications:admin", "identity:admin", "host"];

    [Fact]
    public void A_triager_gets_triage_and_the_openid_scopes_asked_for()
    {
        Assert.Equal(["openid", "profile", "email", "roles", "offline_access", "triage"], ScopeGrant.For(EverythingRequested, ["triager"]));
    }

    [Fact]
    public void An_admin_gets_every_maintainer_api_scope_but_never_host()
    {
        Assert.Equal(
            ["openid", "profile", "email", "roles", "offline_access", "triage", "notifications:admin", "identity:admin"],
            ScopeGrant.For(EverythingRequested, ["admin"]));
    }

    [Fact]
    public void Only_what_was_requested_is_granted()
    {
        Assert.Equal(["openid", "triage"], ScopeGrant.For(["openid", "triage", "triage"], ["admin", "triager"]));
    }

    [Fact]
    public void Without_a_role_there_is_no_api_scope()
    {
        Assert.Equal(["openid"], ScopeGrant.For(["openid", "triage"], []));
        Assert.Empty(ScopeGrant.ApiScopesOf(["owner"]));
    }

    [Fact]
    public void A_host_user_gets_host_and_the_openid_scopes_and_nothing_of_the_maintainers()
    {
        Assert.Equal(["openid", "profile", "email", "roles", "offline_access", "host"], ScopeGrant.For(EverythingRequested, ["host"]));
        // The role stands alone; were it ever stored beside a maintainer's role, the token would still carry host only.
        Assert.Equal(["host"], ScopeGrant.ApiScopesOf(["admin", "host", "triager"]));
    }

    [Fact]
    public void No_maintainer_gets_host()
    {
        Assert.DoesNotContain("host", ScopeGrant.ApiScopesOf(["admin", "triager"]));
    }
}
