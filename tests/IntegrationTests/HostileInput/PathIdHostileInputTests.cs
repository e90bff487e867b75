using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using SafetyReports.IntegrationTests.Infrastructure;
using NotificationClient = SafetyReports.IntegrationTests.Notification.NotificationClient;

namespace SafetyReports.IntegrationTests.HostileInput;

/// <summary>
/// Every route with an id segment (Intake, Triage, Notification, the host API, Identity's admin API, and the
/// portal's pages and the ids its forms name), called by a caller allowed to use it with an id that is no
/// id: hostile text, overlong, encoded slashes and backslashes, encoded dot segments, NUL, invalid UTF-8,
/// Unicode look-alikes and GUIDs in other spellings. Every answer: no 5xx, bounded time, a 4xx (problem+json
/// from the APIs, a page from the portal), and no store changes.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class PathIdHostileInputTests(PortalHostileInputFixture fixture) : IClassFixture<PortalHostileInputFixture>, IDisposable
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(200).WithQuietOnSuccess(true);

    private readonly HttpProbe _probe = new(fixture.System.Url);

    /// <summary>A route: who calls it, the method, the path with <c>{x}</c> for the id, and a body that is valid but for the id.</summary>
    private sealed record Route(string Caller, string Method, string Path, string? Body = null)
    {
        public override string ToString() => $"{Caller} {Method} {Path}";
    }

    private static readonly Route[] Routes =
    [
        new("reporter", "GET", "api/v1/reports/{x}/status"),
        new("reporter", "POST", "api/v1/reports/{x}/messages", """{"message":"Any news?"}"""),
        new("reporter", "POST", "api/v1/reports/{x}/erase-contact", "{}"),
        new("triager", "GET", "api/v1/triage/reports/{x}"),
        new("triager", "POST", "api/v1/triage/reports/{x}/transitions", """{"to":"triaging","expectedVersion":1}"""),
        new("triager", "POST", "api/v1/triage/reports/{x}/notes", """{"text":"A note"}"""),
        new("triager", "POST", "api/v1/triage/reports/{x}/assignment", """{"assignee":"a@example.org","expectedVersion":1}"""),
        new("triager", "POST", "api/v1/triage/reports/{x}/classification", """{"severity":"low","expectedVersion":1}"""),
        new("triager", "GET", "api/v1/triage/reports/{x}/audit"),
        new("triager", "GET", "api/v1/triage/reports/{x}/export"),
        new("notifications", "GET", "api/v1/hosts/{x}"),
        new("notifications", "POST", "api/v1/hosts/{x}/subscriptions", """{"url":"http://127.0.0.1:9/hook","events":["report.triaged"]}"""),
        new("notifications", "GET", "api/v1/hosts/{x}/subscriptions"),
        new("notifications", "GET", "api/v1/hosts/{x}/deliveries"),
        new("notifications", "GET", "api/v1/subscriptions/{x}"),
        new("notifications", "PATCH", "api/v1/subscriptions/{x}", """{"url":"http://127.0.0.1:9/other"}"""),
        new("notifications", "POST", "api/v1/subscriptions/{x}/enable"),
        new("notifications", "POST", "api/v1/subscriptions/{x}/disable"),
        new("notifications", "POST", "api/v1/subscriptions/{x}/rotate-secret"),
        new("notifications", "POST", "api/v1/subscriptions/{x}/test"),
        new("notifications", "POST", "api/v1/subscriptions/{x}/recover", """{"since":"2000-01-01T00:00:00Z"}"""),
        new("notifications", "GET", "api/v1/deliveries/{x}"),
        new("notifications", "POST", "api/v1/deliveries/{x}/replay"),
        new("host", "GET", "api/v1/host/reports/{x}"),
        new("host", "POST", "api/v1/host/reports/{x}/acknowledge", """{"note":"Seen"}"""),
        new("host", "POST", "api/v1/host/reports/{x}/response", """{"action":"removed","scope":"all","grounds":"Policy","automated":false}"""),
        new("identity", "PUT", "api/v1/identity/users/{x}/roles", """{"roles":["triager"]}"""),
        new("identity", "POST", "api/v1/identity/users/{x}/lock"),
        new("identity", "POST", "api/v1/identity/users/{x}/unlock"),
        new("identity", "DELETE", "api/v1/identity/clients/{x}"),
        new("portal", "GET", "portal/reports/{x}"),
        new("portal", "GET", "portal/admin/hosts/{x}"),
        new("portal", "GET", "portal/admin/hosts/{x}/deliveries"),
        new("portal", "POST", "portal/reports/{x}?handler=Claim", "expectedVersion=1"),
        new("portal", "POST", "portal/reports/{x}?handler=Notice", "expectedVersion=1&shareDescription=true&shareEvidence=0"),
        new("portal", "POST", "portal/reports/{x}?handler=HostMessage", "text=Hello%20host"),
        new("portal", "POST", "portal/reports/{x}?handler=ForwardContest&contestId={x}", "expectedVersion=1"),
        new("portal", "POST", "portal/reports/{x}?handler=CloseContest&contestId={x}", "expectedVersion=1&publicNote=Closed"),
        new("portal", "POST", "portal/admin/hosts/{x}?handler=Disable&subscriptionId={x}"),
        new("portal", "POST", "portal/admin/hosts/hub-a?handler=Rotate&subscriptionId={x}"),
        new("portal", "POST", "portal/admin/hosts/hub-a/deliveries?handler=Replay&deliveryId={x}"),
        new("portal", "POST", "portal/admin/notices?handler=Enable&subscriptionId={x}"),
        new("portal", "POST", "portal/admin/users?handler=Lock&userId={x}"),
        new("portal", "POST", "portal/admin/clients?handler=Delete&clientId={x}"),
    ];

    /// <summary>Ids as they go on the wire: escaped hostile text, or raw escapes meant to break out of the segment.</summary>
    private static readonly Gen<string> HostileIds = Gen.OneOf(
        HostileText.Any.Select(s => Uri.EscapeDataString(s.Length > 6_000 ? s[..6_000] : s)),
        Gen.Elements(
            "%2F", "a%2Fb", "..%2F..%2Fhealth%2Flive", "%2E%2E", "%2e", "%2E%2E%2F%2E%2E", "%5C", "a%5C..%5Cb", "%00", "hub-a%00", "%25", "%2525",
            "%C0%AF", "%E2%80%AE", "%F0%9F%92%A9", "%20", "+", "%3B", ";x", "%3F", "%23", "~", "*", "con", "hub-a%2F..", "hub%E2%80%8B-a",
            "h%C3%BCb-a", "HUB-A", "%EF%BC%8E%EF%BC%8E", "%u002e", "%%32%65", new string('a', 300), new string('9', 40)),
        HostileText.InvalidUtf8Escapes,
        Gen.Fresh(() => Guid.NewGuid()).SelectMany(g => Gen.Elements(
            g.ToString("N"), g.ToString("B"), g.ToString("P"), g.ToString().ToUpperInvariant(), "%7B" + g + "%7D", g + "%20", g + "0", g.ToString()[..^1],
            Guid.Empty.ToString(), Uri.EscapeDataString(g.ToString().Replace('-', '\u2010')))));

    [Fact]
    public async Task Ids_that_are_not_ids_get_a_404_or_400_on_every_route_and_change_nothing()
    {
        await new NotificationClient(fixture.System.Api).EnsureHostAsync("hub-a");
        var bearers = new Dictionary<string, string?>
        {
            ["reporter"] = null,
            ["triager"] = await fixture.System.Api.TokenAsync(TestClients.Triager),
            ["notifications"] = await fixture.System.Api.TokenAsync(TestClients.Admin),
            ["host"] = await fixture.System.Api.TokenAsync(TestClients.HostA),
            ["identity"] = await fixture.System.Api.TokenAsync(PortalHostileInputFixture.IdentityAdmin),
        };
        using var portal = await fixture.SignedInAdminAsync();

        var cases = Gen.Zip(Gen.Elements(Routes), HostileIds);
        Check.One(Cases, Prop.ForAll(cases.ToArbitrary(), ((Route Route, string Id) c) =>
        {
            var before = Stores(bearers["identity"]!);
            var path = c.Route.Path.Replace("{x}", c.Id, StringComparison.Ordinal);
            // An empty id, or an encoded dot segment (decoded and removed by the server), makes the request one for another, real path.
            var collapses = Uri.UnescapeDataString(c.Id) is "" or "." or "..";

            if (c.Route.Caller == "portal")
            {
                var answer = c.Route.Method == "GET" ? portal.Get(path) : portal.Post(path, c.Route.Body ?? "");
                PortalForms.AssertPageAnswer(answer);
                if (!collapses)
                {
                    Assert.True((int)answer.Answer.Status is 400 or 404 or 414 or 431 || answer.Answer.Status == HttpStatusCode.OK && answer.ShowsAnError,
                        $"{c.Route} {c.Id}: {answer}");
                }
            }
            else
            {
                var request = new HttpRequestMessage(new HttpMethod(c.Route.Method), path);
                if (c.Route.Body is not null)
                {
                    request.Content = new StringContent(c.Route.Body, Encoding.UTF8, "application/json");
                }

                if (bearers[c.Route.Caller] is { } bearer)
                {
                    request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
                }
                else
                {
                    request.Headers.Add("X-Report-Token", "not-the-token");
                }

                var answer = _probe.Send(request);
                HttpProbe.AssertApiAnswer(answer);
                if (!collapses)
                {
                    // The triager is no admin: export answers 403 once the id is a GUID (an unknown one).
                    Assert.True((int)answer.Status is 400 or 404 or 405 or 414 or 431 || answer.Status == HttpStatusCode.Forbidden && path.EndsWith("/export", StringComparison.Ordinal),
                        $"{c.Route} {c.Id}: {(int)answer.Status} {answer.Body[..Math.Min(answer.Body.Length, 300)]}");
                }
            }

            Assert.Equal(before, Stores(bearers["identity"]!));
        }));
    }

    /// <summary>
    /// A host id of only white space reaches the portal's handlers as null (model binding turns blank strings into
    /// null): found by the property above as a 500 (<c>%09</c> on the disable form), now a page for every host form.
    /// </summary>
    [Theory]
    [InlineData("%09")]
    [InlineData("%20")]
    [InlineData("%0A%20%0D")]
    public async Task A_blank_host_id_gets_a_page_or_a_redirect_on_every_host_form(string blank)
    {
        await new NotificationClient(fixture.System.Api).EnsureHostAsync("hub-a");
        var bearer = await fixture.System.Api.TokenAsync(PortalHostileInputFixture.IdentityAdmin);
        using var portal = await fixture.SignedInAdminAsync();
        var before = Stores(bearer);
        var unknown = Guid.NewGuid();
        string[] posts =
        [
            $"portal/admin/hosts/{blank}?handler=Disable&subscriptionId={unknown}",
            $"portal/admin/hosts/{blank}?handler=Enable&subscriptionId={blank}",
            $"portal/admin/hosts/{blank}?handler=CreateSubscription",
            $"portal/admin/hosts/{blank}?handler=Edit&subscriptionId={unknown}",
            $"portal/admin/hosts/{blank}?handler=Recover&subscriptionId={unknown}",
            $"portal/admin/hosts/{blank}/deliveries?handler=Replay&deliveryId={unknown}",
        ];

        foreach (var post in posts)
        {
            PortalForms.AssertPageAnswer(portal.Post(post, "url=https%3A%2F%2Fexample.org%2Fhook&events=report.triaged&since=2026-01-01T00%3A00%3A00Z"));
        }

        PortalForms.AssertPageAnswer(portal.Get($"portal/admin/hosts/{blank}"));
        PortalForms.AssertPageAnswer(portal.Get($"portal/admin/hosts/{blank}/deliveries"));
        Assert.Equal(before, Stores(bearer));
    }

    /// <summary>Row counts of every store, and Identity's users and clients as its API lists them.</summary>
    private string Stores(string identityBearer)
    {
        var data = fixture.System.DataDirectory;
        var counts = string.Join(" ",
            StoreInspector.Count(data, "intake.db"),
            StoreInspector.Count(data, "triage.db", table: "audit"),
            StoreInspector.Count(data, "notification.db", table: "hosts"),
            StoreInspector.Count(data, "notification.db", table: "subscriptions"),
            StoreInspector.Count(data, "notification.db", table: "deliveries"));
        var clients = JsonNode.Parse(_probe.Get("api/v1/identity/clients", identityBearer).Body)!["items"]!.ToJsonString();
        return $"{counts}\n{_probe.Get("api/v1/identity/users", identityBearer).Body}\n{clients}";
    }

    public void Dispose() => _probe.Dispose();
}
