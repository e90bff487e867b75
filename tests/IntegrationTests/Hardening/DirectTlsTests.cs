using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SafetyReports.IntegrationTests.Authorization;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Hardening;

/// <summary>
/// Direct TLS: Kestrel itself serves https with a certificate from the standard configuration
/// (<c>Kestrel:Endpoints:Https:Url</c>, <c>Kestrel:Certificates:Default</c>), a self-signed one made for
/// the test. The test's clients trust that certificate and nothing else; the services' own calls to the
/// issuer (discovery, keys, the portal's code exchange) go over https too and trust it through
/// <c>SSL_CERT_FILE</c>, as a deployment with a private CA would.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class DirectTlsTests
{
    private const string AdminEmail = "tls.admin@example.org";
    private const string AdminPassword = "tls admin passphrase";

    [Fact]
    public async Task Standalone_with_a_pfx_serves_https_with_hsts_and_secure_cookies_and_redirects_plain_http()
    {
        using var folder = new TempDirectory("safetyreports-tls");
        using var certificate = TestCertificate.Create(folder.Path);
        var https = $"https://127.0.0.1:{FreePort.Next()}";
        var http = $"http://127.0.0.1:{FreePort.Next()}";
        var settings = TlsSettings(certificate, https, issuer: https + "/", Path.Combine(folder.Path, "data"));
        settings["Kestrel:Certificates:Default:Path"] = certificate.PfxPath;
        settings["Kestrel:Certificates:Default:Password"] = TestCertificate.PfxPassword;
        settings["Kestrel:Endpoints:Http:Url"] = http;
        settings["SafetyReports:Hosting:RedirectHttpToHttps"] = "true";
        settings["SafetyReports:Identity:Admin:Email"] = AdminEmail;
        settings["SafetyReports:Identity:Admin:Password"] = AdminPassword;
        await using var standalone = ServiceProcess.StartWithEndpoints("Standalone", https, settings, folder.Path, () => certificate.Handler());
        await standalone.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        var cancel = TestContext.Current.CancellationToken;

        using var client = certificate.Client();
        foreach (var page in new[] { "/", "/account/login", "/status" })
        {
            using var answer = await client.GetAsync(https + page, cancel);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal(BaselineHsts, Header(answer, "Strict-Transport-Security"));
            Assert.NotEmpty(SetCookies(answer));
            var faults = ResponseHeaderRules.Faults(answer).ToList();
            Assert.True(faults.Count == 0, $"{page}: {string.Join("; ", faults)}");
        }

        // A maintainer's whole sign-in (portal → Identity's login form → code flow back) over https.
        var signInCookies = new List<string>();
        using (var portal = await PortalSession.SignInAsync(https, AdminEmail, AdminPassword, signInCookies, cookies => certificate.Handler(cookies)))
        {
            Assert.Contains(signInCookies, c => c.StartsWith("safetyreports.portal", StringComparison.Ordinal));
            Assert.Contains(signInCookies, c => c.StartsWith("safetyreports.identity", StringComparison.Ordinal));
            Assert.Contains(signInCookies, c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
            var faults = signInCookies.SelectMany(c => ResponseHeaderRules.CookieFaults(c, https: true)).ToList();
            Assert.True(faults.Count == 0, string.Join('\n', faults));
            using var queue = await portal.GetAsync("portal", cancel);
            Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
            Assert.Equal(BaselineHsts, Header(queue, "Strict-Transport-Security"));
        }

        // Tokens, submissions and the APIs over https: the in-process token validation fetched the https issuer's keys.
        using (var api = new SystemUnderTest(new ServiceUrls(https, https, https, https), certificate.Client()))
        {
            var (id, _) = await api.SubmitAsync(SystemUnderTest.Report("hub-tls", "org/tls", "A report sent over TLS"));
            var report = await api.TriageReportAsync(id);
            Assert.Equal("A report sent over TLS", report["title"]!.GetValue<string>());
        }

        // Plain http: redirected to the https endpoint (method kept), without HSTS (it means nothing over http); health stays on http for probes.
        using var plain = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        using (var page = await plain.GetAsync(http + "/status?x=1", cancel))
        {
            Assert.Equal(HttpStatusCode.PermanentRedirect, page.StatusCode);
            Assert.Equal(new Uri(https + "/status?x=1"), page.Headers.Location);
            Assert.False(page.Headers.Contains("Strict-Transport-Security"));
            Assert.Empty(SetCookies(page));
        }

        using (var post = await plain.PostAsync(http + "/api/v1/reports", JsonContent.Create(SystemUnderTest.Report("hub-tls", "org/tls", "Not over http")), cancel))
        {
            Assert.Equal(HttpStatusCode.PermanentRedirect, post.StatusCode);
            Assert.Equal(new Uri(https + "/api/v1/reports"), post.Headers.Location);
        }

        using (var health = await plain.GetAsync(http + "/health/ready", cancel))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
    }

    [Fact]
    public async Task Identity_and_intake_as_their_own_processes_serve_https_from_pem_files_and_plain_http_on_the_https_port_gets_no_answer()
    {
        using var folder = new TempDirectory("safetyreports-tls");
        using var certificate = TestCertificate.Create(folder.Path);
        var identityUrl = $"https://127.0.0.1:{FreePort.Next()}";
        var intakeUrl = $"https://127.0.0.1:{FreePort.Next()}";
        var intakePlainUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var cancel = TestContext.Current.CancellationToken;

        var identitySettings = TlsSettings(certificate, identityUrl, issuer: identityUrl + "/", Path.Combine(folder.Path, "identity"));
        identitySettings["Kestrel:Certificates:Default:Path"] = certificate.CertificatePemPath;
        identitySettings["Kestrel:Certificates:Default:KeyPath"] = certificate.KeyPemPath;
        var intakeSettings = TlsSettings(certificate, intakeUrl, issuer: identityUrl + "/", Path.Combine(folder.Path, "intake"));
        intakeSettings["Kestrel:Certificates:Default:Path"] = certificate.CertificatePemPath;
        intakeSettings["Kestrel:Certificates:Default:KeyPath"] = certificate.KeyPemPath;
        intakeSettings["Kestrel:Endpoints:Http:Url"] = intakePlainUrl;
        intakeSettings["SafetyReports:Bus:Transport"] = "InMemory";
        await using var identity = ServiceProcess.StartWithEndpoints("Identity", identityUrl, identitySettings, folder.Path, () => certificate.Handler());
        await using var intake = ServiceProcess.StartWithEndpoints("Intake", intakeUrl, intakeSettings, folder.Path, () => certificate.Handler());
        await Task.WhenAll(identity.WaitUntilReadyAsync(TimeSpan.FromSeconds(90)), intake.WaitUntilReadyAsync(TimeSpan.FromSeconds(90)));

        using var client = certificate.Client();
        using (var discovery = await client.GetAsync(identityUrl + "/.well-known/openid-configuration", cancel))
        {
            Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
            Assert.Equal(BaselineHsts, Header(discovery, "Strict-Transport-Security"));
            var document = await SystemUnderTest.JsonAsync(discovery);
            Assert.Equal(identityUrl + "/", document["issuer"]!.GetValue<string>());
            Assert.Equal(identityUrl + "/connect/token", document["token_endpoint"]!.GetValue<string>());
            using var keys = await client.GetAsync(document["jwks_uri"]!.GetValue<string>(), cancel);
            Assert.Equal(HttpStatusCode.OK, keys.StatusCode);
        }

        using (var api = new SystemUnderTest(new ServiceUrls(identityUrl, intakeUrl, intakeUrl, intakeUrl), certificate.Client()))
        {
            var token = await api.TokenAsync(TestClients.Triager);
            Assert.Equal(identityUrl + "/", PayloadOf(token)["iss"]!.GetValue<string>());
            var (id, statusToken) = await api.SubmitAsync(SystemUnderTest.Report("hub-tls", "org/tls", "A report to Intake over TLS"));
            Assert.NotEqual(Guid.Empty, id);
            Assert.False(string.IsNullOrEmpty(statusToken));
        }

        using (var form = await client.GetAsync(intakeUrl + "/", cancel))
        {
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
            Assert.Equal(BaselineHsts, Header(form, "Strict-Transport-Security"));
            Assert.NotEmpty(SetCookies(form));
            var faults = ResponseHeaderRules.Faults(form).ToList();
            Assert.True(faults.Count == 0, string.Join("; ", faults));
        }

        // An http endpoint left open without the redirect answers as plain http: no HSTS, no Secure cookies.
        using var plain = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        using (var form = await plain.GetAsync(intakePlainUrl + "/", cancel))
        {
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
            Assert.False(form.Headers.Contains("Strict-Transport-Security"));
            Assert.True(SetCookies(form).Count > 0 && SetCookies(form).All(c => ResponseHeaderRules.CookieFaults(c, https: true).Any()));
        }

        // Plain http sent to an https port is not served: the TLS handshake fails and no HTTP answer comes back.
        foreach (var httpsPort in new[] { identityUrl, intakeUrl })
        {
            var plainToHttpsPort = "http://" + httpsPort["https://".Length..];
            await Assert.ThrowsAsync<HttpRequestException>(() => plain.PostAsync(plainToHttpsPort + "/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = TestClients.Triager.ClientId,
                ["client_secret"] = TestClients.Triager.Secret,
            }), cancel));
        }
    }

    private static string BaselineHsts => SafetyReports.ServiceDefaults.Hosting.BaselineSecurityHeaders.StrictTransportSecurity;

    private static Dictionary<string, string> TlsSettings(TestCertificate certificate, string httpsUrl, string issuer, string dataDirectory)
    {
        var settings = TestClients.Configuration(issuer);
        settings["SafetyReports:Storage:DataDirectory"] = dataDirectory;
        settings["SafetyReports:DataProtection:KeysDirectory"] = Path.Combine(dataDirectory, "keys");
        settings["SafetyReports:Identity:RequireHttps"] = "true";
        settings["Kestrel:Endpoints:Https:Url"] = httpsUrl;
        // The services' own https calls (to the issuer) trust the test certificate as a CA file.
        settings["SSL_CERT_FILE"] = certificate.CertificatePemPath;
        return settings;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    private static List<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values] : [];

    private static JsonNode PayloadOf(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        return JsonNode.Parse(Convert.FromBase64String(payload))!;
    }
}
