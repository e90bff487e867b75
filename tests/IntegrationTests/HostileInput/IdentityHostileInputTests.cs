using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using SafetyReports.IntegrationTests.Identity;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.HostileInput;

/// <summary>A Standalone system with a first admin and a machine client of scope <c>identity:admin</c>.</summary>
public sealed class IdentityHostileInputFixture : IAsyncLifetime
{
    public const string AdminEmail = "hostile.admin@example.org";
    public const string AdminPassword = "hostile admin passphrase";
    public static readonly TestClient IdentityAdmin = new("hostile-identity-admin", "hostile-identity-admin-secret-0123456789", "identity:admin");

    private StandaloneSystem? _system;

    public StandaloneSystem System => _system ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => _system = await StandaloneSystem.StartAsync(new Dictionary<string, string>
    {
        ["SafetyReports:Identity:Admin:Email"] = AdminEmail,
        ["SafetyReports:Identity:Admin:Password"] = AdminPassword,
        ["SafetyReports:Identity:Clients:20:ClientId"] = IdentityAdmin.ClientId,
        ["SafetyReports:Identity:Clients:20:ClientSecret"] = IdentityAdmin.Secret,
        ["SafetyReports:Identity:Clients:20:Scopes:0"] = IdentityAdmin.Scope,
    });

    public async ValueTask DisposeAsync()
    {
        if (_system is not null)
        {
            await _system.DisposeAsync();
        }
    }
}

/// <summary>
/// Property-based tests over Identity's inputs: the sign-in form (with a valid antiforgery token), the
/// token endpoint's form, and the admin API's users and clients. Every answer: no 5xx, bounded time; the
/// form answers with its page (a redirect only for the right password, and only to a local address), the
/// token endpoint with an OAuth error unless the credentials are right, the admin API with problem+json,
/// and a user or client exists only when the answer says it was created.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class IdentityHostileInputTests(IdentityHostileInputFixture fixture) : IClassFixture<IdentityHostileInputFixture>, IDisposable
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(200).WithQuietOnSuccess(true);

    private readonly HttpProbe _probe = new(fixture.System.Url);

    private static Gen<string> FormValue(params string[] genuine) => Gen.Frequency(
        (4, HostileText.Any.Select(v => Uri.EscapeDataString(v.Length > 20_000 ? v[..20_000] : v))),
        (3, Gen.Elements(genuine).Select(Uri.EscapeDataString)),
        (1, HostileText.InvalidUtf8Escapes));

    [Fact]
    public void Hostile_sign_in_form_posts_show_the_page_and_sign_in_only_with_the_right_password()
    {
        var (cookie, antiforgery) = LoginForm();
        string[] fields = ["Email", "Password", "ReturnUrl", "__RequestVerificationToken", "extra"];
        var returnUrls = Gen.Elements("/connect/authorize?client_id=x", "//evil.example/", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "/account/login");
        var cases =
            from email in FormValue(IdentityHostileInputFixture.AdminEmail, "nobody@example.org")
            from password in FormValue(IdentityHostileInputFixture.AdminPassword, "wrong password")
            from returnUrl in Gen.OneOf(returnUrls.Select(Uri.EscapeDataString), FormValue(""))
            from extra in Gen.Zip(Gen.Elements(fields), FormValue("x")).ListOf().Select(e => e.Take(2).ToList())
            select (email, password, returnUrl, extra);
        Check.One(Cases, Prop.ForAll(cases.ToArbitrary(), ((string Email, string Password, string ReturnUrl, List<(string, string)> Extra) c) =>
        {
            var form = new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Uri.EscapeDataString(antiforgery), ["Email"] = c.Email, ["Password"] = c.Password, ["ReturnUrl"] = c.ReturnUrl,
            };
            foreach (var (field, value) in c.Extra)
            {
                form[field] = value;
            }

            var request = new HttpRequestMessage(HttpMethod.Post, "account/login")
            {
                Content = new StringContent(string.Join('&', form.Select(p => $"{p.Key}={p.Value}")), Encoding.ASCII, "application/x-www-form-urlencoded"),
            };
            request.Headers.Add("Cookie", cookie);
            var answer = _probe.Send(request);

            HttpProbe.AssertNoServerError(answer);
            var genuine = form["Email"] == Uri.EscapeDataString(IdentityHostileInputFixture.AdminEmail)
                && form["Password"] == Uri.EscapeDataString(IdentityHostileInputFixture.AdminPassword)
                && form["__RequestVerificationToken"] == Uri.EscapeDataString(antiforgery);
            if (answer.Status == HttpStatusCode.Redirect)
            {
                Assert.True(genuine, $"signed in with {string.Join('&', form.Select(p => $"{p.Key}={p.Value}"))}");
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, answer.Status);
                Assert.Equal("text/html", answer.MediaType);
            }
        }));
    }

    [Fact]
    public async Task A_sign_in_never_redirects_off_the_site()
    {
        // Its own maintainer: the other properties may have locked the first admin out with wrong passwords.
        var email = $"redirect-{Guid.NewGuid():N}@example.org";
        const string password = "a passphrase for redirects";
        var bearer = await fixture.System.Api.TokenAsync(IdentityHostileInputFixture.IdentityAdmin);
        var created = _probe.SendJson(HttpMethod.Post, "api/v1/identity/users",
            Encoding.UTF8.GetBytes(new JsonObject { ["email"] = email, ["password"] = password, ["roles"] = new JsonArray("triager") }.ToJsonString()), bearer);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var (cookie, antiforgery) = LoginForm();
        var returnUrls = Gen.OneOf(
            Gen.Elements("//evil.example/", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "/%2F%2Fevil.example", "\\\\evil.example", "/ /evil.example"),
            HostileText.Short);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(50).WithQuietOnSuccess(true), Prop.ForAll(returnUrls.ToArbitrary(), (string returnUrl) =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "account/login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = antiforgery, ["Email"] = email,
                    ["Password"] = password, ["ReturnUrl"] = new string(returnUrl.Where(ch => !char.IsSurrogate(ch)).ToArray()),
                }),
            };
            request.Headers.Add("Cookie", cookie);
            var answer = _probe.SendWithHeaders(request);
            HttpProbe.AssertNoServerError(answer.Answer);
            if (returnUrl.Contains('\0'))
            {
                // A NUL makes the form undecodable: refused like a forged form, the page again.
                Assert.Equal(HttpStatusCode.OK, answer.Answer.Status);
                return;
            }

            Assert.Equal(HttpStatusCode.Redirect, answer.Answer.Status);
            var location = answer.Location!;
            Assert.True(location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal) && !location.StartsWith("/\\", StringComparison.Ordinal),
                $"{returnUrl} → {location}");
        }));
    }

    [Fact]
    public void Hostile_token_requests_get_an_oauth_error_and_a_token_only_for_the_right_credentials()
    {
        var client = TestClients.Triager;
        string[] fields = ["grant_type", "client_id", "client_secret", "scope", "code", "code_verifier", "redirect_uri", "refresh_token", "username", "password", "extra"];
        var cases =
            from grant in FormValue("client_credentials", "authorization_code", "refresh_token", "password", "urn:ietf:params:oauth:grant-type:device_code")
            from id in FormValue(client.ClientId, TestClients.HostA.ClientId, "unknown")
            from secret in FormValue(client.Secret, "wrong")
            from scope in FormValue(client.Scope, "triage identity:admin", "openid", "host")
            from extra in Gen.Zip(Gen.Elements(fields), FormValue("x")).ListOf().Select(e => e.Take(3).ToList())
            select (grant, id, secret, scope, extra);
        Check.One(Cases, Prop.ForAll(cases.ToArbitrary(), ((string Grant, string Id, string Secret, string Scope, List<(string, string)> Extra) c) =>
        {
            var form = new Dictionary<string, string> { ["grant_type"] = c.Grant, ["client_id"] = c.Id, ["client_secret"] = c.Secret, ["scope"] = c.Scope };
            foreach (var (field, value) in c.Extra)
            {
                form[field] = value;
            }

            var answer = _probe.Send(new HttpRequestMessage(HttpMethod.Post, "connect/token")
            {
                Content = new StringContent(string.Join('&', form.Select(p => $"{p.Key}={p.Value}")), Encoding.ASCII, "application/x-www-form-urlencoded"),
            });

            HttpProbe.AssertNoServerError(answer);
            var genuine = form["grant_type"] == "client_credentials" && form["client_id"] == client.ClientId
                && form["client_secret"] == Uri.EscapeDataString(client.Secret) && form["scope"] == client.Scope;
            if (answer.Status == HttpStatusCode.OK)
            {
                Assert.True(genuine, $"a token for {string.Join('&', form.Select(p => $"{p.Key}={p.Value}"))}");
                Assert.NotNull(JsonNode.Parse(answer.Body)!["access_token"]);
            }
            else
            {
                Assert.True((int)answer.Status is >= 400 and < 500, $"{(int)answer.Status} {answer.Body}");
                Assert.Equal("application/json", answer.MediaType);
                Assert.NotNull(JsonNode.Parse(answer.Body)!["error"]);
            }
        }));
    }

    [Fact]
    public async Task Hostile_admin_requests_are_refused_cleanly_and_create_a_user_or_client_only_when_they_say_so()
    {
        var bearer = await fixture.System.Api.TokenAsync(IdentityHostileInputFixture.IdentityAdmin);
        var userId = JsonNode.Parse(_probe.Get("api/v1/identity/users", bearer).Body)!["items"]!.AsArray()
            .Single(u => u!["email"]!.GetValue<string>() == IdentityHostileInputFixture.AdminEmail)!["id"]!.GetValue<string>();
        var users = HostileJson.RequestBody(
            () => new JsonObject
            {
                ["email"] = $"maintainer-{Guid.NewGuid():N}@example.org", ["password"] = "a long enough passphrase", ["roles"] = new JsonArray("triager"),
            },
            ["email", "password", "roles", "roles.0", "extra"]).Select(b => ("POST", "api/v1/identity/users", b));
        var hostUsers = HostileJson.RequestBody(
            () => new JsonObject
            {
                ["email"] = $"host-{Guid.NewGuid():N}@example.org", ["password"] = "a long enough passphrase", ["roles"] = new JsonArray("host"), ["hostId"] = "hub-a",
            },
            ["email", "roles", "roles.0", "roles.1", "hostId", "extra"]).Select(b => ("POST", "api/v1/identity/users", b));
        var roles = HostileJson.RequestBody(() => new JsonObject { ["roles"] = new JsonArray("admin", "triager") }, ["roles", "roles.0", "roles.1", "extra"])
            .Select(b => ("PUT", $"api/v1/identity/users/{userId}/roles", b));
        var clients = HostileJson.RequestBody(
            () => new JsonObject { ["clientId"] = $"client-{Guid.NewGuid():N}", ["scopes"] = new JsonArray("host"), ["hostId"] = "hub-a" },
            ["clientId", "scopes", "scopes.0", "hostId", "extra"]).Select(b => ("POST", "api/v1/identity/clients", b));
        Check.One(Cases, Prop.ForAll(Gen.OneOf(users, hostUsers, roles, clients).ToArbitrary(), ((string Method, string Path, HostileBody Body) c) =>
        {
            var (usersBefore, clientsBefore) = (Count("users", bearer), Count("clients", bearer));
            var answer = _probe.SendJson(new HttpMethod(c.Method), c.Path, c.Body.Bytes, bearer);

            HttpProbe.AssertApiAnswer(answer);
            Assert.True(answer.Status is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.BadRequest or HttpStatusCode.Conflict,
                $"{c.Method} {c.Path} {c.Body}: {(int)answer.Status} {answer.Body}");
            var created = answer.Status == HttpStatusCode.Created ? 1 : 0;
            Assert.Equal(usersBefore + (c.Path.EndsWith("/users", StringComparison.Ordinal) ? created : 0), Count("users", bearer));
            Assert.Equal(clientsBefore + (c.Path.EndsWith("/clients", StringComparison.Ordinal) ? created : 0), Count("clients", bearer));
        }));
    }

    [Fact]
    public async Task Hostile_user_and_client_ids_lock_unlock_or_delete_only_the_one_they_name()
    {
        var bearer = await fixture.System.Api.TokenAsync(IdentityHostileInputFixture.IdentityAdmin);
        var user = JsonNode.Parse(_probe.SendJson(HttpMethod.Post, "api/v1/identity/users", Encoding.UTF8.GetBytes(new JsonObject
        {
            ["email"] = $"lockable-{Guid.NewGuid():N}@example.org", ["password"] = "a long enough passphrase", ["roles"] = new JsonArray("triager"),
        }.ToJsonString()), bearer).Body)!["id"]!.GetValue<string>();
        var clients = Enumerable.Range(0, 30).Select(i => $"deletable-{i}-{Guid.NewGuid():N}"[..24]).ToArray();
        foreach (var client in clients)
        {
            var created = _probe.SendJson(HttpMethod.Post, "api/v1/identity/clients",
                Encoding.UTF8.GetBytes(new JsonObject { ["clientId"] = client, ["scopes"] = new JsonArray("triage") }.ToJsonString()), bearer);
            Assert.Equal(HttpStatusCode.Created, created.Status);
        }

        // Near misses of a real id: case, padding, invisible characters, its encoded form, a path around it.
        Gen<string> Around(string[] genuine) => Gen.Frequency(
            (3, Gen.Elements(genuine)),
            (3, Gen.Elements(genuine).SelectMany(id => Gen.Elements(id.ToUpperInvariant(), id + " ", " " + id, id + "\u200B", "\u202E" + id, id + "%00",
                id + "/", "../" + id, id + "/..", id[..^1], id + "\uFFFD", Uri.EscapeDataString(id).Replace("-", "%2D", StringComparison.Ordinal)))),
            (4, HostileText.Any.Select(s => s.Length > 3_000 ? s[..3_000] : s)));
        var cases = Gen.OneOf(
            Gen.Zip(Gen.Elements("lock", "unlock"), Around([user])).Select(c => ("POST", $"api/v1/identity/users/{Segment(c.Item2)}/{c.Item1}", c.Item2)),
            Around(clients).Select(id => ("DELETE", $"api/v1/identity/clients/{Segment(id)}", id)));
        Check.One(Cases, Prop.ForAll(cases.ToArbitrary(), ((string Method, string Path, string Id) c) =>
        {
            var (usersBefore, clientsBefore) = (List("users", bearer), List("clients", bearer));
            var answer = _probe.Send(new HttpRequestMessage(new HttpMethod(c.Method), c.Path)
            {
                Headers = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer) },
            });

            HttpProbe.AssertApiAnswer(answer);
            var (usersAfter, clientsAfter) = (List("users", bearer), List("clients", bearer));
            if (HttpProbe.IsProtocolRejection(answer))
            {
                Assert.Equal(usersBefore, usersAfter);
                Assert.Equal(clientsBefore, clientsAfter);
                return;
            }

            // 405: an empty id leaves the path of the collection, which has no DELETE.
            Assert.True(answer.Status is HttpStatusCode.OK or HttpStatusCode.NoContent or HttpStatusCode.NotFound or HttpStatusCode.BadRequest
                    or HttpStatusCode.MethodNotAllowed,
                $"{c.Method} {c.Path}: {(int)answer.Status} {answer.Body}");
            if (answer.Status == HttpStatusCode.NoContent)
            {
                // Deleted: exactly the client it named, nothing else (the id as the server decodes it: a raw
                // trailing slash names the same resource, an escaped character the same id).
                var sent = Segment(c.Id);
                var named = Uri.UnescapeDataString(sent.EndsWith('/') ? sent[..^1] : sent);
                Assert.Contains(named, clients);
                Assert.Equal(clientsBefore.Where(e => e != named), clientsAfter);
            }
            else
            {
                Assert.Equal(clientsBefore, clientsAfter);
            }

            if (answer.Status == HttpStatusCode.OK)
            {
                Assert.Equal(user, JsonNode.Parse(answer.Body)!["id"]!.GetValue<string>());
                Assert.Equal(c.Path.EndsWith("/lock", StringComparison.Ordinal), JsonNode.Parse(answer.Body)!["lockedOut"]!.GetValue<bool>());
            }
            else
            {
                Assert.Equal(usersBefore, usersAfter);
            }
        }));
    }

    /// <summary>One path segment as a hostile client would write it: escaped, except for what it means to break out.</summary>
    private static string Segment(string id) =>
        id.StartsWith("../", StringComparison.Ordinal) || id.EndsWith("/..", StringComparison.Ordinal) || id.EndsWith('/') || id.Contains('%', StringComparison.Ordinal)
            ? id
            : Uri.EscapeDataString(id);

    /// <summary>Each user (id, roles, lock state) or each client id, one per line.</summary>
    private List<string> List(string what, string bearer) =>
        JsonNode.Parse(_probe.Get($"api/v1/identity/{what}", bearer).Body)!["items"]!.AsArray()
            .Select(item => what == "clients" ? item!["clientId"]!.GetValue<string>() : item!.ToJsonString()).ToList();

    private int Count(string what, string bearer) =>
        JsonNode.Parse(_probe.Get($"api/v1/identity/{what}", bearer).Body)!["items"]!.AsArray().Count;

    private (string Cookie, string Token) LoginForm()
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false });
        using var response = http.Send(new HttpRequestMessage(HttpMethod.Get, fixture.System.Url + "/account/login"));
        var cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        using var reader = new StreamReader(response.Content.ReadAsStream());
        return (cookie, OidcBrowser.HiddenValue(reader.ReadToEnd(), "__RequestVerificationToken"));
    }

    public void Dispose() => _probe.Dispose();
}
