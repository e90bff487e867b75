using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.IntegrationTests.Notification;

namespace SafetyReports.IntegrationTests.HostileInput;

/// <summary>
/// A Notification whose retries are immediate: a failed delivery that is recovered or replayed fails again
/// within moments, so each case starts from the same resting state.
/// </summary>
public sealed class NotificationQueryHostileInputFixture : NotificationSystemFixture
{
    protected override Dictionary<string, string> Configure() =>
        Settings(("RetrySchedule:1", "00:00:00"), ("RetrySchedule:2", "00:00:00"), ("RetryJitter", "0"));
}

/// <summary>
/// Property-based tests over Notification's query strings (a host's delivery list; the host API's report
/// list with its cursor) and its recover and replay requests. Every answer: no 5xx, bounded time, a page or a
/// problem+json 4xx; a delivery is queued again only when the answer is 202.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class NotificationQueryHostileInputTests(NotificationQueryHostileInputFixture fixture)
    : IClassFixture<NotificationQueryHostileInputFixture>, IDisposable
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(200).WithQuietOnSuccess(true);

    private readonly HttpProbe _probe = new(fixture.System.Url);

    private static Gen<string> QueryValue(params string[] genuine) => Gen.Frequency(
        (4, HostileText.Any.Select(v => Uri.EscapeDataString(v.Length > 3_000 ? v[..3_000] : v))),
        (3, Gen.Elements(genuine).Select(Uri.EscapeDataString)),
        (2, Gen.Elements("0", "1", "200", "201", "-1", "2147483648", "1e3", "true", "00000000-0000-0000-0000-000000000000", "{}", "[]")),
        (1, HostileText.InvalidUtf8Escapes));

    private static Gen<string> Query(string[] names, Gen<string> values) =>
        Gen.Zip(Gen.Elements(names), values).ListOf().Select(q => string.Join('&', q.Take(6).Select(p => $"{p.Item1}={p.Item2}")));

    [Fact]
    public async Task Hostile_delivery_and_host_report_queries_get_a_page_or_a_field_error()
    {
        await using var receiver = await ScriptedReceiver.StartAsync();
        await fixture.Notification.EnsureHostAsync("hub-a");
        var model = $"org-{Guid.NewGuid():N}/query";
        var subscription = await fixture.Notification.SubscribeAsync(TestClients.HostA, "hub-a", receiver.BaseUrl + "/q", null, [model]);
        var reports = new[]
        {
            await fixture.Notification.TriagedReportAsync("hub-a", model, "Query one"),
            await fixture.Notification.TriagedReportAsync("hub-a", model, "Query two"),
        };
        var hostBearer = await fixture.System.Api.TokenAsync(TestClients.HostA);
        var adminBearer = await fixture.System.Api.TokenAsync(TestClients.Admin);
        var firstPage = await Eventually.UntilAsync(
            () => Task.FromResult(JsonNode.Parse(_probe.Get("api/v1/host/reports?limit=1", hostBearer).Body) is { } page
                && page["nextCursor"]?.GetValue<string>() is not null ? page : null),
            NotificationClient.Patience, "two reports routed to hub-a");
        var cursor = firstPage["nextCursor"]!.GetValue<string>();
        var cursors = Gen.OneOf(
            Gen.Elements(cursor, cursor[..^2], cursor + "==", cursor.Replace('A', '-'), cursor + cursor, new string('A', 101)),
            HostileText.Short.Select(s => Convert.ToBase64String(Encoding.UTF8.GetBytes(s))),
            Gen.Elements("1:", ":" + Guid.Empty.ToString("N"), "99999999999999999999:" + Guid.Empty.ToString("N"), "-1:" + Guid.Empty.ToString("N"),
                    "253402300800000:" + Guid.Empty.ToString("N"), "1:2:3", "1:" + Guid.Empty)
                .Select(s => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_')));

        var deliveries = Query(["status", "subscriptionId", "reportId", "limit", "cursor", "unknown"],
                QueryValue("pending", "succeeded", "failed", "FAILED", subscription.Id.ToString(), reports[0].ToString(), "50"))
            .SelectMany(q => Gen.Elements(("admin", "api/v1/hosts/hub-a/deliveries?" + q), ("host", "api/v1/hosts/hub-a/deliveries?" + q)));
        var hostReports = Query(["cursor", "limit", "unknown"], Gen.OneOf(QueryValue("1", "50"), cursors.Select(Uri.EscapeDataString)))
            .Select(q => ("host", "api/v1/host/reports?" + q));
        Check.One(Cases, Prop.ForAll(Gen.OneOf(deliveries, hostReports).ToArbitrary(), ((string Caller, string PathAndQuery) c) =>
        {
            var answer = _probe.Get(c.PathAndQuery, c.Caller == "admin" ? adminBearer : hostBearer);
            HttpProbe.AssertApiAnswer(answer);
            if (!HttpProbe.IsProtocolRejection(answer))
            {
                Assert.True(answer.Status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{c.PathAndQuery}: {(int)answer.Status} {answer.Body}");
            }

            if (answer.Status == HttpStatusCode.OK)
            {
                Assert.NotNull(JsonNode.Parse(answer.Body)!["items"]);
            }
        }));
    }

    [Fact]
    public async Task Hostile_recover_and_replay_requests_are_refused_cleanly_and_queue_a_delivery_again_only_when_accepted()
    {
        await using var receiver = await ScriptedReceiver.StartAsync();
        receiver.Respond = _ => new ScriptedReply(500);
        await fixture.Notification.EnsureHostAsync("hub-a");
        var subscription = await fixture.Notification.SubscribeAsync(TestClients.HostA, "hub-a", receiver.BaseUrl + "/recover", null, ["none/*"]);
        var (deliveryId, _) = await fixture.Notification.SendTestAsync(subscription.Id);
        await fixture.Notification.DeliveryAsync(deliveryId, d => NotificationClient.Status(d) == "failed");
        var bearers = new Dictionary<string, string>
        {
            ["admin"] = await fixture.System.Api.TokenAsync(TestClients.Admin),
            ["host"] = await fixture.System.Api.TokenAsync(TestClients.HostA),
            ["other host"] = await fixture.System.Api.TokenAsync(TestClients.HostB),
        };

        var sinces = Gen.OneOf(
            Gen.Elements("2000-01-01T00:00:00Z", "2000-01-01", "1/2/2000", "2999-01-01T00:00:00Z", "0001-01-01T00:00:00+14:00",
                "9999-12-31T23:59:59-14:00", "2000-13-45T25:61:61Z", "now", "", " ", "2000-01-01T00:00:00Z\u0000", "１９９９-01-01"),
            HostileText.Any).Select(s => (JsonNode?)JsonValue.Create(s));
        var recoverBodies = sinces.SelectMany(since => HostileJson.RequestBody(() => new JsonObject { ["since"] = since?.DeepClone() }, ["since", "extra"]));
        var targets = Gen.Elements(subscription.Id.ToString(), Guid.NewGuid().ToString());
        var recovers =
            from target in targets
            from body in recoverBodies
            select ($"api/v1/subscriptions/{target}/recover", body);
        var replays =
            from target in Gen.Elements(deliveryId.ToString(), Guid.NewGuid().ToString())
            from body in Gen.OneOf(Gen.Constant(new HostileBody("empty", [])), HostileJson.Garbage)
            select ($"api/v1/deliveries/{target}/replay", body);
        var cases =
            from request in Gen.OneOf(recovers, replays)
            from caller in Gen.Elements(bearers.Keys.ToArray())
            select (caller, request.Item1, request.Item2);
        var seen = new HashSet<HttpStatusCode>();
        Check.One(Cases, Prop.ForAll(cases.ToArbitrary(), ((string Caller, string Path, HostileBody Body) c) =>
        {
            var before = RestingDelivery(deliveryId, bearers["admin"]);
            var answer = _probe.SendJson(HttpMethod.Post, c.Path, c.Body.Bytes, bearers[c.Caller]);
            seen.Add(answer.Status);

            HttpProbe.AssertApiAnswer(answer);
            Assert.True(answer.Status is HttpStatusCode.Accepted or HttpStatusCode.BadRequest or HttpStatusCode.NotFound,
                $"{c.Caller} {c.Path} {c.Body}: {(int)answer.Status} {answer.Body}");
            if (answer.Status == HttpStatusCode.Accepted)
            {
                Assert.NotEqual("other host", c.Caller);
            }
            else
            {
                Assert.Equal(before, Delivery(deliveryId, bearers["admin"]));
            }
        }));
        // The cases took every way: queued again, refused as invalid, and not found.
        Assert.Superset(new HashSet<HttpStatusCode> { HttpStatusCode.Accepted, HttpStatusCode.BadRequest, HttpStatusCode.NotFound }, seen);
    }

    /// <summary>The delivery once no attempt is pending: its status and how many attempts it has had.</summary>
    private string RestingDelivery(Guid id, string bearer)
    {
        string? rest = null;
        Assert.True(SpinWait.SpinUntil(() => (rest = Delivery(id, bearer)).StartsWith("failed", StringComparison.Ordinal), NotificationClient.Patience),
            $"the delivery did not fail again: {rest}");
        return rest!;
    }

    private string Delivery(Guid id, string bearer)
    {
        var view = JsonNode.Parse(_probe.Get($"api/v1/deliveries/{id}", bearer).Body)!;
        return $"{view["status"]} {view["attempts"]!.AsArray().Count} {view["nextAttemptAt"]?.ToJsonString()}";
    }

    public void Dispose() => _probe.Dispose();
}
