using System.Net;
using SafetyReports.IntegrationTests.Authorization;

namespace SafetyReports.IntegrationTests.Identity;

/// <summary>Signing out of the portal takes the maintainer's own form; a link to a sign-out address does nothing.</summary>
public sealed class PortalSignOutTests(MaintainerSystemFixture fixture) : IClassFixture<MaintainerSystemFixture>
{
    private string Url => fixture.System.Url;

    [Fact]
    public async Task A_bare_link_to_the_remote_sign_out_leaves_the_session_and_the_sign_out_form_ends_it_here_and_at_Identity()
    {
        var setCookies = new List<string>();
        using var http = await PortalSession.SignInAsync(Url, MaintainerSystemFixture.AdminEmail, MaintainerSystemFixture.AdminPassword, setCookies);
        var cancel = TestContext.Current.CancellationToken;

        // What an <img src> in a report, an e-mail link or another site can make the browser send.
        foreach (var link in new[] { "portal/signout-oidc", "portal/signout-oidc?sid=guessed&iss=" + Uri.EscapeDataString(Url + "/"), "connect/logout" })
        {
            using var response = await PortalSession.FollowAsync(http, await http.GetAsync(link, cancel), setCookies);
            Assert.NotEqual("/portal/signed-out", response.RequestMessage!.RequestUri!.AbsolutePath);
            using var portal = await http.GetAsync("portal", cancel);
            Assert.True(portal.StatusCode == HttpStatusCode.OK, $"after {link}: {portal.StatusCode} {portal.Headers.Location}");
        }

        // The real sign-out: the form's POST with its antiforgery token ends the portal's session and Identity's.
        using var page = await http.GetAsync("portal/signout", cancel);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = OidcBrowser.HiddenValue(await page.Content.ReadAsStringAsync(cancel), "__RequestVerificationToken"),
        });
        var visited = new List<string>();
        using (var signedOut = await PortalSession.FollowAsync(http, await http.PostAsync("portal/signout", form, cancel), setCookies, visited))
        {
            Assert.Equal(HttpStatusCode.OK, signedOut.StatusCode);
            Assert.Equal("/portal/signed-out", signedOut.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Contains("/connect/logout", visited);
        }

        using var again = await PortalSession.FollowAsync(http, await http.GetAsync("portal", cancel), setCookies);
        Assert.Equal("/account/login", again.RequestMessage!.RequestUri!.AbsolutePath);
    }
}
