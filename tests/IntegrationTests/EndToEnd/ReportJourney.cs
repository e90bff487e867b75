using System.Net;
using System.Text.Json.Nodes;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.EndToEnd;

/// <summary>
/// One report's whole path through a running system: submitted, triaged by a maintainer client,
/// announced to its host by a signed webhook, acknowledged by the host, visible to the reporter.
/// The same journey runs against Standalone and against the distributed processes.
/// </summary>
public static class ReportJourney
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>What the journey handed out or sent, so callers can check it leaked nowhere.</summary>
    public sealed record Values(string Email, string WebhookSecret, string StatusToken);

    public static async Task<Values> RunAsync(SystemUnderTest api, WebhookReceiver receiver)
    {
        var host = TestClients.HostA.HostId!;
        var modelId = $"org-{Guid.NewGuid():N}/model";

        using (var created = await api.SendAsync(HttpMethod.Post, api.Urls.Notification, "/api/v1/hosts", TestClients.Admin,
                   new { id = host, name = "Hub A", contactEmail = "security@hub-a.example" }))
        {
            Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"create host: {created.StatusCode}");
        }

        using var subscribed = await api.SendAsync(HttpMethod.Post, api.Urls.Notification, $"/api/v1/hosts/{host}/subscriptions", TestClients.Admin,
            new { url = $"{receiver.BaseUrl}/hooks/{host}", events = new[] { "report.triaged" }, modelPatterns = new[] { modelId.Split('/')[0] + "/*" } });
        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        var secret = (await SystemUnderTest.JsonAsync(subscribed))["secret"]!.GetValue<string>();
        Assert.StartsWith("whsec_", secret);

        var email = $"rita-{Guid.NewGuid():N}@example.org";
        var (id, token) = await api.SubmitAsync(SystemUnderTest.Report(host, modelId, "Weapons instructions", email));

        var received = await api.TriageReportAsync(id);
        Assert.Equal("received", received["status"]!.GetValue<string>());
        Assert.Equal(email, received["reporter"]!["email"]!.GetValue<string>());

        using var triaged = await api.SendAsync(HttpMethod.Post, api.Urls.Triage, $"/api/v1/triage/reports/{id}/transitions", TestClients.Triager,
            new { to = "triaged", severity = "critical", note = "confirmed", publicNote = "We are contacting the host.", expectedVersion = received["version"]!.GetValue<long>() });
        Assert.Equal(HttpStatusCode.OK, triaged.StatusCode);
        Assert.Equal("triaged", (await SystemUnderTest.JsonAsync(triaged))["status"]!.GetValue<string>());

        var webhook = await receiver.NextAsync(w => w.Body.Contains(id.ToString()), Patience);
        Assert.True(StandardWebhooks.Verify(secret, webhook.WebhookId!, webhook.Timestamp!, webhook.Body, webhook.Signature!),
            "the webhook signature does not verify with the subscription's secret");
        Assert.InRange(long.Parse(webhook.Timestamp!), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
        var payload = JsonNode.Parse(webhook.Body)!;
        Assert.Equal("report.triaged", payload["type"]!.GetValue<string>());
        Assert.Equal(id.ToString(), payload["data"]!["reportId"]!.GetValue<string>());
        Assert.DoesNotContain(email, webhook.Body);
        Assert.DoesNotContain("Rita", webhook.Body);
        Assert.False(webhook.Headers.ContainsKey("traceparent"), "internal trace ids must not leave in webhooks: " + string.Join(" | ", webhook.Headers.Select(h => h.Key + "=" + h.Value)));

        await api.TriageReportAsync(id, r => r["status"]!.GetValue<string>() == "host_notified", Patience);

        using var acknowledged = await api.SendAsync(HttpMethod.Post, api.Urls.Notification, $"/api/v1/host/reports/{id}/acknowledge", TestClients.HostA,
            new { note = "Looking into it" });
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        var acknowledgedAt = (await SystemUnderTest.JsonAsync(acknowledged))["acknowledgedAt"]!.GetValue<DateTimeOffset>();

        using var again = await api.SendAsync(HttpMethod.Post, api.Urls.Notification, $"/api/v1/host/reports/{id}/acknowledge", TestClients.HostA,
            new { note = "Looking into it" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(acknowledgedAt, (await SystemUnderTest.JsonAsync(again))["acknowledgedAt"]!.GetValue<DateTimeOffset>());

        var final = await api.TriageReportAsync(id, r => r["status"]!.GetValue<string>() == "acknowledged", Patience);
        Assert.NotNull(final["acknowledgedAt"]);

        using var audit = await api.SendAsync(HttpMethod.Get, api.Urls.Triage, $"/api/v1/triage/reports/{id}/audit", TestClients.Triager);
        var actions = (await SystemUnderTest.JsonAsync(audit)).AsArray().Select(e => e!["action"]!.GetValue<string>()).ToList();
        Assert.Equal(["received", "transition", "host_notified", "host_acknowledged"], actions);

        using var verify = await api.SendAsync(HttpMethod.Get, api.Urls.Triage, "/api/v1/triage/audit/verify", TestClients.Triager);
        var verification = await SystemUnderTest.JsonAsync(verify);
        Assert.True(verification["valid"]!.GetValue<bool>());
        Assert.True(verification["entries"]!.GetValue<long>() >= 4);

        var status = await Eventually.UntilAsync(async () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, SystemUnderTest.Url(api.Urls.Intake, $"/api/v1/reports/{id}/status"));
            request.Headers.Add("X-Report-Token", token);
            using var response = await api.Http.SendAsync(request);
            var json = await SystemUnderTest.JsonAsync(response);
            return json["status"]?.GetValue<string>() == "acknowledged" ? json : null;
        }, Patience, "the reporter's receipt to show 'acknowledged'");
        Assert.Equal("We are contacting the host.", status["publicNotes"]![0]!["text"]!.GetValue<string>());

        using var deliveries = await api.SendAsync(HttpMethod.Get, api.Urls.Notification, $"/api/v1/hosts/{host}/deliveries?reportId={id}", TestClients.Admin);
        var delivery = Assert.Single((await SystemUnderTest.JsonAsync(deliveries))["items"]!.AsArray())!;
        Assert.Equal("succeeded", delivery["status"]!.GetValue<string>());
        Assert.Equal(webhook.WebhookId, delivery["webhookId"]!.GetValue<string>());
        return new Values(email, secret, token);
    }
}
