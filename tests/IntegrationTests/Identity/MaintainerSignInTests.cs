using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SafetyReports.Identity.Pages.IdentitySite;
using SafetyReports.ServiceDefaults.Security;

namespace SafetyReports.IntegrationTests.Identity;

/// <summary>
/// Maintainers and host users sign in with the authorization code flow and PKCE, driven as a browser without
/// JavaScript would, against Standalone: the tokens work on the APIs with the scopes their roles allow.
/// </summary>
public sealed class MaintainerSignInTests(MaintainerSystemFixture fixture) : IClassFixture<MaintainerSystemFixture>, IDisposable
{
    /// <summary>For machine clients' token requests (no cookies).</summary>
    private readonly HttpClient _http = new() { BaseAddress = new Uri(fixture.System.Url + "/") };

    private const string AllScopes = "openid profile email roles offline_access triage notifications:admin identity:admin";

    /// <summary>What the portal asks for: every scope, the host users' too.</summary>
    private const string EveryScope = AllScopes + " host";

    private string Url => fixture.System.Url;

    private sealed record Tokens(string Access, string Id, string Refresh);

    private async Task<Tokens> SignInAsync(OidcBrowser browser, string email, string password, string scope = AllScopes)
    {
        var pkce = OidcBrowser.Pkce.Create();
        var redirect = await browser.SignInForCodeAsync(
            OidcBrowser.AuthorizeUrl(MaintainerSystemFixture.ClientId, MaintainerSystemFixture.RedirectUri, scope, pkce), email, password);
        Assert.StartsWith(MaintainerSystemFixture.RedirectUri + "?", redirect.AbsoluteUri);
        Assert.Equal("state-1", OidcBrowser.QueryValue(redirect, "state"));

        var (status, body) = await browser.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = OidcBrowser.QueryValue(redirect, "code")!,
            ["redirect_uri"] = MaintainerSystemFixture.RedirectUri,
            ["code_verifier"] = pkce.Verifier,
            ["client_id"] = MaintainerSystemFixture.ClientId,
            ["client_secret"] = MaintainerSystemFixture.ClientSecret,
        });
        Assert.True(status == HttpStatusCode.OK, $"token: {status} {body}");
        return new Tokens(body.GetProperty("access_token").GetString()!, body.GetProperty("id_token").GetString()!, body.GetProperty("refresh_token").GetString()!);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> RefreshAsync(OidcBrowser browser, string refreshToken) =>
        await browser.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = MaintainerSystemFixture.ClientId,
            ["client_secret"] = MaintainerSystemFixture.ClientSecret,
        });

    private async Task<HttpResponseMessage> CallAsync(HttpMethod method, string path, string? token, object? json = null)
    {
        using var request = new HttpRequestMessage(method, Url + path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = JsonContent.Create(json);
        }

        return await fixture.System.Api.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task<string> AdminTokenAsync()
    {
        using var browser = new OidcBrowser(Url);
        return (await SignInAsync(browser, MaintainerSystemFixture.AdminEmail, MaintainerSystemFixture.AdminPassword)).Access;
    }

    private async Task<JsonElement> CreateUserAsync(string adminToken, string email, string password, params string[] roles)
    {
        using var response = await CallAsync(HttpMethod.Post, "/api/v1/identity/users", adminToken, new { email, password, roles });
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create user: {response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string[] ScopesOf(string jwt) => TokenClient.Payload(jwt).GetProperty("scope").GetString()!.Split(' ').Order(StringComparer.Ordinal).ToArray();

    private static string[] RolesOf(string jwt)
    {
        var role = TokenClient.Payload(jwt).GetProperty("role");
        return role.ValueKind == JsonValueKind.Array ? [.. role.EnumerateArray().Select(r => r.GetString()!)] : [role.GetString()!];
    }

    [Fact]
    public async Task The_first_admin_signs_in_and_gets_every_admin_scope_and_the_claims_in_both_tokens()
    {
        using var browser = new OidcBrowser(Url);
        var tokens = await SignInAsync(browser, MaintainerSystemFixture.AdminEmail, MaintainerSystemFixture.AdminPassword);

        Assert.Equal(["email", "identity:admin", "notifications:admin", "offline_access", "openid", "profile", "roles", "triage"], ScopesOf(tokens.Access));
        foreach (var jwt in new[] { tokens.Access, tokens.Id })
        {
            var payload = TokenClient.Payload(jwt);
            Assert.Equal(fixture.System.Url + "/", payload.GetProperty("iss").GetString());
            Assert.False(string.IsNullOrEmpty(payload.GetProperty("sub").GetString()));
            Assert.Equal(MaintainerSystemFixture.AdminEmail, payload.GetProperty("name").GetString());
            Assert.Equal(MaintainerSystemFixture.AdminEmail, payload.GetProperty("email").GetString());
            Assert.Equal([Roles.Admin], RolesOf(jwt));
        }

        using var users = await CallAsync(HttpMethod.Get, "/api/v1/identity/users", tokens.Access);
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        using var queue = await CallAsync(HttpMethod.Get, "/api/v1/triage/reports", tokens.Access);
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);

        var (status, refreshed) = await RefreshAsync(browser, tokens.Refresh);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(ScopesOf(tokens.Access), ScopesOf(refreshed.GetProperty("access_token").GetString()!));
    }

    [Fact]
    public async Task A_user_the_admin_creates_signs_in_reads_the_triage_queue_and_is_refused_the_admin_api()
    {
        var adminToken = await AdminTokenAsync();
        const string email = "tina.triager@example.org";
        const string password = "triager passphrase one";
        var created = await CreateUserAsync(adminToken, email, password, Roles.Triager);
        Assert.Equal(email, created.GetProperty("email").GetString());
        Assert.Equal([Roles.Triager], created.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!));
        Assert.False(created.GetProperty("lockedOut").GetBoolean());

        using var browser = new OidcBrowser(Url);
        // Asking for every scope gets only what the triager role allows.
        var tokens = await SignInAsync(browser, email, password);
        Assert.Equal(["email", "offline_access", "openid", "profile", "roles", "triage"], ScopesOf(tokens.Access));
        Assert.Equal([Roles.Triager], RolesOf(tokens.Access));
        Assert.Equal(created.GetProperty("id").GetString(), TokenClient.Payload(tokens.Access).GetProperty("sub").GetString());

        using var queue = await CallAsync(HttpMethod.Get, "/api/v1/triage/reports", tokens.Access);
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        using var users = await CallAsync(HttpMethod.Get, "/api/v1/identity/users", tokens.Access);
        Assert.Equal(HttpStatusCode.Forbidden, users.StatusCode);
        using var anonymous = await CallAsync(HttpMethod.Get, "/api/v1/identity/users", null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var duplicate = await CallAsync(HttpMethod.Post, "/api/v1/identity/users", adminToken, new { email, password, roles = new[] { "triager" } });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);

        // Made admin: the next refresh carries the new role, but never more scopes than were granted at sign-in.
        using (var promoted = await CallAsync(HttpMethod.Put, $"/api/v1/identity/users/{created.GetProperty("id").GetString()}/roles", adminToken, new { roles = new[] { "admin", "triager" } }))
        {
            Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        }

        var (status, refreshed) = await RefreshAsync(browser, tokens.Refresh);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([Roles.Admin, Roles.Triager], RolesOf(refreshed.GetProperty("access_token").GetString()!));
        Assert.Equal(ScopesOf(tokens.Access), ScopesOf(refreshed.GetProperty("access_token").GetString()!));

        // Locked: the next refresh is refused.

        using (var locked = await CallAsync(HttpMethod.Post, $"/api/v1/identity/users/{created.GetProperty("id").GetString()}/lock", adminToken))
        {
            Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        }

        var (refusedStatus, refused) = await RefreshAsync(browser, refreshed.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.BadRequest, refusedStatus);
        Assert.Equal("invalid_grant", refused.GetProperty("error").GetString());

        // The Identity session of a locked user ends too: authorize sends them to the login page again.
        using var again = await browser.GetAsync(OidcBrowser.AuthorizeUrl(MaintainerSystemFixture.ClientId, MaintainerSystemFixture.RedirectUri, "openid triage", OidcBrowser.Pkce.Create()));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.StartsWith("/account/login", PathOf(again.Headers.Location!));
    }

    [Fact]
    public async Task A_host_user_signs_in_and_gets_scope_host_and_its_host_id_and_nothing_of_the_maintainers()
    {
        var adminToken = await AdminTokenAsync();
        const string email = "hana.host@hub-a.example";
        const string password = "host user passphrase";
        var refused = new (object Body, string Field)[]
        {
            (new { email, password, roles = new[] { "host" } }, "hostId"),
            (new { email, password, roles = new[] { "host", "triager" }, hostId = "hub-a" }, "roles"),
            (new { email, password, roles = new[] { "admin", "host" }, hostId = "hub-a" }, "roles"),
            (new { email, password, roles = new[] { "triager" }, hostId = "hub-a" }, "hostId"),
            (new { email, password, roles = new[] { "host" }, hostId = "Hub A" }, "hostId"),
        };
        foreach (var (body, field) in refused)
        {
            using var invalid = await CallAsync(HttpMethod.Post, "/api/v1/identity/users", adminToken, body);
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
            var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{JsonSerializer.Serialize(body)}: {problem}");
        }

        using (var list = await CallAsync(HttpMethod.Get, "/api/v1/identity/users", adminToken))
        {
            Assert.DoesNotContain(email, await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        using var createdResponse = await CallAsync(HttpMethod.Post, "/api/v1/identity/users", adminToken, new { email, password, roles = new[] { "host" }, hostId = "hub-a" });
        Assert.Equal(HttpStatusCode.Created, createdResponse.StatusCode);
        var created = await createdResponse.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal([Roles.Host], created.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!));
        Assert.Equal("hub-a", created.GetProperty("hostId").GetString());
        using (var list = await CallAsync(HttpMethod.Get, "/api/v1/identity/users", adminToken))
        {
            var items = (await list.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("items").EnumerateArray().ToList();
            Assert.Equal("hub-a", items.Single(u => u.GetProperty("email").GetString() == email).GetProperty("hostId").GetString());
            Assert.Equal(JsonValueKind.Null, items.Single(u => u.GetProperty("email").GetString() == MaintainerSystemFixture.AdminEmail).GetProperty("hostId").ValueKind);
        }

        // Signing in as the portal does (asking for every scope) gives the host user host alone, bound to its host.
        using var browser = new OidcBrowser(Url);
        var tokens = await SignInAsync(browser, email, password, EveryScope);
        Assert.Equal(["email", "host", "offline_access", "openid", "profile", "roles"], ScopesOf(tokens.Access));
        foreach (var jwt in new[] { tokens.Access, tokens.Id })
        {
            Assert.Equal([Roles.Host], RolesOf(jwt));
            Assert.Equal("hub-a", TokenClient.Payload(jwt).GetProperty("host_id").GetString());
        }

        using (var hostReports = await CallAsync(HttpMethod.Get, "/api/v1/host/reports", tokens.Access))
        {
            Assert.Equal(HttpStatusCode.OK, hostReports.StatusCode);
        }

        foreach (var maintainersOnly in new[] { "/api/v1/triage/reports", "/api/v1/identity/users", "/api/v1/hosts" })
        {
            using var forbidden = await CallAsync(HttpMethod.Get, maintainersOnly, tokens.Access);
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        var (status, refreshed) = await RefreshAsync(browser, tokens.Refresh);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(ScopesOf(tokens.Access), ScopesOf(refreshed.GetProperty("access_token").GetString()!));
        Assert.Equal("hub-a", TokenClient.Payload(refreshed.GetProperty("access_token").GetString()!).GetProperty("host_id").GetString());

        // The host role is fixed: a host user does not become a maintainer, nor a maintainer a host user.
        using (var promoted = await CallAsync(HttpMethod.Put, $"/api/v1/identity/users/{created.GetProperty("id").GetString()}/roles", adminToken, new { roles = new[] { "triager" } }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, promoted.StatusCode);
        }

        // The admin asking for every scope gets no host and no host id.
        using var adminBrowser = new OidcBrowser(Url);
        var admin = await SignInAsync(adminBrowser, MaintainerSystemFixture.AdminEmail, MaintainerSystemFixture.AdminPassword, EveryScope);
        Assert.Equal(["email", "identity:admin", "notifications:admin", "offline_access", "openid", "profile", "roles", "triage"], ScopesOf(admin.Access));
        Assert.False(TokenClient.Payload(admin.Access).TryGetProperty("host_id", out _));
        var adminId = TokenClient.Payload(admin.Access).GetProperty("sub").GetString();
        using (var demoted = await CallAsync(HttpMethod.Put, $"/api/v1/identity/users/{adminId}/roles", adminToken, new { roles = new[] { "host" } }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, demoted.StatusCode);
        }
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_an_unknown_email_reads_exactly_the_same()
    {
        var adminToken = await AdminTokenAsync();
        const string email = "lou.lockout@example.org";
        const string password = "the right passphrase";
        var id = (await CreateUserAsync(adminToken, email, password, Roles.Triager)).GetProperty("id").GetString();
        var loginUrl = "/account/login?ReturnUrl=" + Uri.EscapeDataString(OidcBrowser.AuthorizeUrl(MaintainerSystemFixture.ClientId, MaintainerSystemFixture.RedirectUri, "openid", OidcBrowser.Pkce.Create()));

        using var browser = new OidcBrowser(Url);
        var known = new List<string>();
        var unknown = new List<string>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            known.Add(await LoginErrorAsync(browser, loginUrl, email, "a wrong passphrase"));
            unknown.Add(await LoginErrorAsync(browser, loginUrl, "nobody.here@example.org", "a wrong passphrase"));
        }

        Assert.Equal(Enumerable.Repeat(LoginModel.WrongCredentials, 4).Append(LoginModel.LockedOut), known);
        Assert.Equal(known, unknown);
        Assert.Equal(LoginModel.LockedOut, await LoginErrorAsync(browser, loginUrl, email, password));

        using var list = await CallAsync(HttpMethod.Get, "/api/v1/identity/users", adminToken);
        var users = (await list.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("items");
        Assert.True(users.EnumerateArray().Single(u => u.GetProperty("email").GetString() == email).GetProperty("lockedOut").GetBoolean());

        using (var unlocked = await CallAsync(HttpMethod.Post, $"/api/v1/identity/users/{id}/unlock", adminToken))
        {
            Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        }

        using var signedIn = await browser.SubmitLoginAsync(loginUrl, email, password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    private static async Task<string> LoginErrorAsync(OidcBrowser browser, string loginUrl, string email, string password)
    {
        using var response = await browser.SubmitLoginAsync(loginUrl, email, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var start = html.IndexOf("role=\"alert\"", StringComparison.Ordinal);
        Assert.True(start > 0, "no error shown");
        var text = html[(html.IndexOf('>', start) + 1)..html.IndexOf("</p>", start, StringComparison.Ordinal)];
        return WebUtility.HtmlDecode(text);
    }

    [Fact]
    public async Task The_login_page_works_without_script_and_refuses_a_forged_form()
    {
        using var browser = new OidcBrowser(Url);
        using var page = await browser.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("default-src 'none'", csp);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("style=", html);

        Assert.Equal(LoginModel.FormExpired, await LoginErrorWithTokenAsync(browser, "forged"));
        Assert.DoesNotContain(browser.Cookies.GetCookies(new Uri(Url)), c => c.Name == "safetyreports.identity");
    }

    private static async Task<string> LoginErrorWithTokenAsync(OidcBrowser browser, string token)
    {
        using var response = await browser.SubmitLoginAsync("/account/login", MaintainerSystemFixture.AdminEmail, MaintainerSystemFixture.AdminPassword, token);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var start = html.IndexOf("role=\"alert\"", StringComparison.Ordinal);
        Assert.True(start > 0, "no error shown");
        return WebUtility.HtmlDecode(html[(html.IndexOf('>', start) + 1)..html.IndexOf("</p>", start, StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task Without_pkce_the_authorization_request_is_refused()
    {
        using var browser = new OidcBrowser(Url);
        using var response = await browser.GetAsync(OidcBrowser.AuthorizeUrl(MaintainerSystemFixture.ClientId, MaintainerSystemFixture.RedirectUri, "openid triage", pkce: null));

        // OpenIddict answers itself (no redirect carrying a code): the client is told nothing it could use.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Logout_ends_the_session_and_returns_to_the_client()
    {
        using var browser = new OidcBrowser(Url);
        var tokens = await SignInAsync(browser, MaintainerSystemFixture.AdminEmail, MaintainerSystemFixture.AdminPassword);

        using var logout = await browser.GetAsync($"/connect/logout?id_token_hint={tokens.Id}&post_logout_redirect_uri={Uri.EscapeDataString(MaintainerSystemFixture.PostLogoutRedirectUri)}&state=bye");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.StartsWith(MaintainerSystemFixture.PostLogoutRedirectUri, logout.Headers.Location!.AbsoluteUri);

        using var authorize = await browser.GetAsync(OidcBrowser.AuthorizeUrl(MaintainerSystemFixture.ClientId, MaintainerSystemFixture.RedirectUri, "openid", OidcBrowser.Pkce.Create()));
        Assert.StartsWith("/account/login", PathOf(authorize.Headers.Location!));
    }

    [Fact]
    public async Task A_bare_logout_link_or_form_only_asks_and_the_session_stays()
    {
        using var browser = new OidcBrowser(Url);
        await SignInAsync(browser, MaintainerSystemFixture.AdminEmail, MaintainerSystemFixture.AdminPassword);

        // What a link in an e-mail, an <img> or a cross-site form sends: no id_token_hint.
        using (var link = await browser.GetAsync($"/connect/logout?post_logout_redirect_uri={Uri.EscapeDataString(MaintainerSystemFixture.PostLogoutRedirectUri)}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);
            Assert.Equal("/account/logout", PathOf(link.Headers.Location!));
        }

        using (var form = await browser.Http.PostAsync("/connect/logout", new FormUrlEncodedContent([new("state", "x")]), TestContext.Current.CancellationToken))
        {
            Assert.True((int)form.StatusCode < 500, $"{form.StatusCode}");
        }

        // Still signed in at Identity: authorize answers with a code, not the login page.
        using var authorize = await browser.GetAsync(OidcBrowser.AuthorizeUrl(MaintainerSystemFixture.ClientId, MaintainerSystemFixture.RedirectUri, "openid", OidcBrowser.Pkce.Create()));
        Assert.StartsWith(MaintainerSystemFixture.RedirectUri + "?", authorize.Headers.Location!.AbsoluteUri);
    }

    [Fact]
    public async Task The_admin_api_manages_machine_clients_and_protects_the_last_admin()
    {
        var adminToken = await AdminTokenAsync();

        using (var invalid = await CallAsync(HttpMethod.Post, "/api/v1/identity/clients", adminToken, new { clientId = "hub-c", scopes = new[] { "host" } }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
            var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            Assert.True(problem.GetProperty("errors").TryGetProperty("hostId", out _));
        }

        using var created = await CallAsync(HttpMethod.Post, "/api/v1/identity/clients", adminToken, new { clientId = "hub-c", scopes = new[] { "host" }, hostId = "hub-c" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("secret").GetString()!;
        var hostToken = await TokenClient.AccessTokenAsync(_http, "hub-c", secret, "host");
        Assert.Equal("hub-c", TokenClient.Payload(hostToken).GetProperty("host_id").GetString());

        using (var again = await CallAsync(HttpMethod.Post, "/api/v1/identity/clients", adminToken, new { clientId = "hub-c", scopes = new[] { "triage" } }))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        using var list = await CallAsync(HttpMethod.Get, "/api/v1/identity/clients", adminToken);
        var listed = await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(secret, listed);
        var items = JsonDocument.Parse(listed).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.True(items.Single(c => c.GetProperty("clientId").GetString() == MaintainerSystemFixture.ClientId).GetProperty("interactive").GetBoolean());
        Assert.Equal("hub-c", items.Single(c => c.GetProperty("clientId").GetString() == "hub-c").GetProperty("hostId").GetString());

        using (var deleted = await CallAsync(HttpMethod.Delete, "/api/v1/identity/clients/hub-c", adminToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Equal("invalid_client", (await TokenClient.RequestAsync(_http, "hub-c", secret, "host")).Error);

        // The seeded admin is the only admin here: neither demoting nor locking them is allowed.
        using var users = await CallAsync(HttpMethod.Get, "/api/v1/identity/users", adminToken);
        var adminId = (await users.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("items").EnumerateArray()
            .Single(u => u.GetProperty("email").GetString() == MaintainerSystemFixture.AdminEmail).GetProperty("id").GetString();
        // (Tests of this class run one after another, and the one that promotes a user locks them again.)
        using (var demote = await CallAsync(HttpMethod.Put, $"/api/v1/identity/users/{adminId}/roles", adminToken, new { roles = new[] { "triager" } }))
        {
            Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        }

        using (var locked = await CallAsync(HttpMethod.Post, $"/api/v1/identity/users/{adminId}/lock", adminToken))
        {
            Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
        }

        using var unknown = await CallAsync(HttpMethod.Post, "/api/v1/identity/users/no-such-user/lock", adminToken);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static string PathOf(Uri location) => location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    public void Dispose() => _http.Dispose();
}
