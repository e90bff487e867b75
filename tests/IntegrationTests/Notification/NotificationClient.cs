using System.Net;
using System.Text.Json.Nodes;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Notification;

public sealed record CreatedSubscription(Guid Id, string Secret);

/// <summary>The Notification calls the webhook tests make, over the public HTTP contract.</summary>
public sealed class NotificationClient(SystemUnderTest api)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public SystemUnderTest Api => api;

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, TestClient? client, object? json = null) =>
        api.SendAsync(method, api.Urls.Notification, path, client, json);

    public async Task<JsonNode> JsonAsync(HttpMethod method, string path, TestClient client, object? json = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await SendAsync(method, path, client, json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>Registers the host (admin); a host that exists already is fine.</summary>
    public async Task EnsureHostAsync(string hostId)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/v1/hosts", TestClients.Admin,
            new { id = hostId, name = $"Host {hostId}", contactEmail = $"security@{hostId}.example" });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"create host {hostId}: {response.StatusCode}");
    }

    public async Task<CreatedSubscription> SubscribeAsync(
        TestClient client, string hostId, string url, string[]? events = null, string[]? modelPatterns = null)
    {
        var created = await JsonAsync(HttpMethod.Post, $"/api/v1/hosts/{hostId}/subscriptions", client,
            new { url, events = events ?? ["report.triaged"], modelPatterns }, HttpStatusCode.Created);
        return new CreatedSubscription(Guid.Parse(created["id"]!.GetValue<string>()), created["secret"]!.GetValue<string>());
    }

    /// <summary>Sends a <c>webhook.test</c> event; returns its delivery id and webhook id.</summary>
    public async Task<(Guid DeliveryId, string WebhookId)> SendTestAsync(Guid subscriptionId, TestClient? client = null)
    {
        var test = await JsonAsync(HttpMethod.Post, $"/api/v1/subscriptions/{subscriptionId}/test", client ?? TestClients.Admin, expected: HttpStatusCode.Accepted);
        return (Guid.Parse(test["deliveryId"]!.GetValue<string>()), test["webhookId"]!.GetValue<string>());
    }

    public Task<JsonNode> DeliveryAsync(Guid deliveryId, TestClient? client = null) =>
        JsonAsync(HttpMethod.Get, $"/api/v1/deliveries/{deliveryId}", client ?? TestClients.Admin);

    /// <summary>The delivery once <paramref name="until"/> holds for it.</summary>
    public Task<JsonNode> DeliveryAsync(Guid deliveryId, Func<JsonNode, bool> until, TimeSpan? timeout = null) =>
        Eventually.UntilAsync(async () =>
        {
            var delivery = await DeliveryAsync(deliveryId);
            return until(delivery) ? delivery : null;
        }, timeout ?? Patience, $"delivery {deliveryId} to reach the expected state");

    public Task<JsonNode> SubscriptionAsync(Guid subscriptionId, TestClient? client = null) =>
        JsonAsync(HttpMethod.Get, $"/api/v1/subscriptions/{subscriptionId}", client ?? TestClients.Admin);

    public static string Status(JsonNode delivery) => delivery["status"]!.GetValue<string>();

    public static JsonArray Attempts(JsonNode delivery) => delivery["attempts"]!.AsArray();

    /// <summary>Submits a report about <paramref name="modelId"/> on <paramref name="hostId"/> and triages it; returns its id.</summary>
    public async Task<Guid> TriagedReportAsync(string hostId, string modelId, string title = "Harmful output", string? reporterEmail = null)
    {
        var (id, _) = await api.SubmitAsync(SystemUnderTest.Report(hostId, modelId, title, reporterEmail));
        var received = await api.TriageReportAsync(id);
        using var triaged = await api.SendAsync(HttpMethod.Post, api.Urls.Triage, $"/api/v1/triage/reports/{id}/transitions", TestClients.Triager,
            new { to = "triaged", severity = "high", expectedVersion = received["version"]!.GetValue<long>() });
        Assert.Equal(HttpStatusCode.OK, triaged.StatusCode);
        return id;
    }

    /// <summary>
    /// A report about a model of its own on hub-a, triaged and announced to a new subscription of hub-a (for
    /// <paramref name="events"/>, which must include <c>report.triaged</c>) at a new receiver.
    /// </summary>
    public async Task<(Guid ReportId, ScriptedReceiver Receiver)> AnnouncedReportAsync(string[]? events = null, string? reporterEmail = null)
    {
        var receiver = await ScriptedReceiver.StartAsync();
        await EnsureHostAsync("hub-a");
        await EnsureHostAsync("hub-b");
        var model = $"org-{Guid.NewGuid():N}/model";
        await SubscribeAsync(TestClients.HostA, "hub-a", receiver.BaseUrl + "/a", events, [model]);
        var reportId = await TriagedReportAsync("hub-a", model, "Unsafe completions", reporterEmail);
        await WebhookAsync(receiver, "report.triaged", reportId);
        return (reportId, receiver);
    }

    /// <summary>The first webhook of <paramref name="type"/> about the report that reached the receiver, once one has.</summary>
    public static Task<ReceivedRequest> WebhookAsync(ScriptedReceiver receiver, string type, Guid reportId) =>
        Eventually.UntilAsync(
            () => Task.FromResult(receiver.Received.FirstOrDefault(r => r.Body.Contains($"\"type\":\"{type}\"", StringComparison.Ordinal)
                                                                    && r.Body.Contains(reportId.ToString(), StringComparison.Ordinal))),
            Patience, $"a {type} webhook about {reportId}");

    public async Task<IReadOnlyList<string>> AuditActionsAsync(Guid reportId)
    {
        using var audit = await api.SendAsync(HttpMethod.Get, api.Urls.Triage, $"/api/v1/triage/reports/{reportId}/audit", TestClients.Triager);
        return (await SystemUnderTest.JsonAsync(audit)).AsArray().Select(e => e!["action"]!.GetValue<string>()).ToList();
    }

    public static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
        {
            Assert.True(JsonNode.Parse(body)!["errors"]?[field] is not null, $"expected a field error for '{field}': {body}");
        }
    }
}
