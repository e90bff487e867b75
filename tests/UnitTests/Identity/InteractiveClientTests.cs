using System.Collections.Immutable;
using OpenIddict.Abstractions;
using SafetyReports.Identity.Clients;
using SafetyReports.Identity.Configuration;

namespace SafetyReports.UnitTests.Identity;

public class InteractiveClientTests
{
    private static SeededClientOptions Portal(string[]? scopes = null, string[]? redirects = null, string[]? postLogout = null) => new()
    {
        ClientId = "safetyreports-portal",
        ClientSecret = "portal-secret-0123456789",
        Scopes = [.. scopes ?? ["triage", "identity:admin"]],
        RedirectUris = [.. redirects ?? ["https://portal.example.org/portal/signin-oidc"]],
        PostLogoutRedirectUris = [.. postLogout ?? ["https://portal.example.org/portal/signout-callback-oidc"]],
    };

    private static IReadOnlyList<string> Errors(SeededClientOptions client) =>
        SeededClientValidator.FindErrors(new IdentityServiceOptions { Clients = [client] });

    [Fact]
    public void A_client_with_redirect_uris_becomes_a_code_flow_client_with_pkce_and_no_client_credentials()
    {
        var descriptor = ClientDescriptor.From(Portal());

        Assert.Equal(OpenIddictConstants.ClientTypes.Confidential, descriptor.ClientType);
        Assert.Equal(OpenIddictConstants.ConsentTypes.Implicit, descriptor.ConsentType);
        Assert.Equal(
            ["ept:authorization", "ept:end_session", "ept:token", "gt:authorization_code", "gt:refresh_token", "rst:code",
             "scp:email", "scp:identity:admin", "scp:profile", "scp:roles", "scp:triage"],
            descriptor.Permissions.Order(StringComparer.Ordinal));
        Assert.Equal([OpenIddictConstants.Requirements.Features.ProofKeyForCodeExchange], descriptor.Requirements);
        Assert.Equal([new Uri("https://portal.example.org/portal/signin-oidc")], descriptor.RedirectUris);
        Assert.Equal([new Uri("https://portal.example.org/portal/signout-callback-oidc")], descriptor.PostLogoutRedirectUris);

        var permissions = descriptor.Permissions.ToImmutableArray();
        Assert.True(ClientProperties.IsInteractive(permissions));
        Assert.Equal(["identity:admin", "triage"], ClientProperties.GrantedScopes(permissions).Order(StringComparer.Ordinal));
        Assert.Empty(Errors(Portal()));
    }

    [Fact]
    public void A_machine_client_is_not_interactive()
    {
        var descriptor = ClientDescriptor.From(new SeededClientOptions { ClientId = "bot", ClientSecret = "s", Scopes = ["triage"] });

        Assert.False(ClientProperties.IsInteractive([.. descriptor.Permissions]));
        Assert.Empty(descriptor.Requirements);
        Assert.Empty(descriptor.RedirectUris);
    }

    [Theory]
    [InlineData("/portal/signin-oidc")]
    [InlineData("ftp://portal.example.org/cb")]
    [InlineData("https://user:pw@portal.example.org/cb")]
    [InlineData("https://portal.example.org/cb#fragment")]
    public void A_redirect_uri_must_be_an_absolute_http_url_without_user_info_or_fragment(string uri)
    {
        Assert.Equal(
            ["SafetyReports:Identity:Clients:0:RedirectUris:0 must be an absolute http(s) URL without user info or fragment."],
            Errors(Portal(redirects: [uri], postLogout: [])));
        Assert.Equal(
            ["SafetyReports:Identity:Clients:0:PostLogoutRedirectUris:0 must be an absolute http(s) URL without user info or fragment."],
            Errors(Portal(postLogout: [uri])));
    }

    [Fact]
    public void Post_logout_uris_need_redirect_uris()
    {
        Assert.Equal(
            ["SafetyReports:Identity:Clients:0:PostLogoutRedirectUris needs RedirectUris: only an interactive client signs users out."],
            Errors(Portal(redirects: [])));
    }

    [Fact]
    public void An_interactive_client_may_ask_for_host_on_behalf_of_host_users_but_is_bound_to_no_host_itself()
    {
        var portal = Portal(scopes: ["triage", "identity:admin", "host"]);
        Assert.Empty(Errors(portal));
        Assert.Contains("scp:host", ClientDescriptor.From(portal).Permissions);

        portal.HostId = "hub-a";
        Assert.Equal(
            ["SafetyReports:Identity:Clients:0:HostId: an interactive client (with RedirectUris) signs users in, and a host user's host id is the user's own; remove it."],
            Errors(portal));
    }
}
