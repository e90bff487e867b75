using System.Net;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Secrets;

/// <summary>The steps of a run that hand out or store secrets: a subscription and its rotated secret, a report with a contact.</summary>
public static class SecretJourney
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public sealed record Subscription(string Host, string ModelOwner, string Secret);

    public sealed record Report(Guid Id, string StatusToken, string Email, string Name);

    /// <summary>Creates a subscription, rotates its secret and records both secrets; returns the current one.</summary>
    public static async Task<Subscription> SubscribeAsync(SystemUnderTest api, WebhookReceiver receiver, KnownSecrets secrets)
    {
        var host = TestClients.HostA.HostId!;
        var owner = $"org-{Guid.NewGuid():N}";
        using (var created = await api.SendAsync(HttpMethod.Post, api.Urls.Notification, "/api/v1/hosts", TestClients.Admin,
                   new { id = host, name = "Hub A", contactEmail = "security@hub-a.example" }))
        {
            Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"create host: {created.StatusCode}");
        }

        using var subscribed = await api.SendAsync(HttpMethod.Post, api.Urls.Notification, $"/api/v1/hosts/{host}/subscriptions", TestClients.Admin,
            new { url = $"{receiver.BaseUrl}/hooks/{host}", events = new[] { "report.triaged" }, modelPatterns = new[] { owner + "/*" } });
        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        var created2 = await SystemUnderTest.JsonAsync(subscribed);
        var first = created2["secret"]!.GetValue<string>();
        secrets.Add("first webhook secret", first);

        using var rotated = await api.SendAsync(HttpMethod.Post, api.Urls.Notification, $"/api/v1/subscriptions/{created2["id"]!.GetValue<string>()}/rotate-secret", TestClients.Admin);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var second = (await SystemUnderTest.JsonAsync(rotated))["secret"]!.GetValue<string>();
        Assert.StartsWith("whsec_", second);
        Assert.NotEqual(first, second);
        secrets.Add("rotated webhook secret", second);
        return new Subscription(host, owner, second);
    }

    /// <summary>Submits a report with a unique reporter name and e-mail, waits until Triage shows them.</summary>
    public static async Task<Report> SubmitWithContactAsync(SystemUnderTest api, Subscription subscription, KnownSecrets secrets)
    {
        var unique = Guid.NewGuid().ToString("N");
        var email = $"rita-{unique}@example.org";
        var name = $"Rita Reporterin {unique[..12]}";
        var (id, token) = await api.SubmitAsync(new
        {
            model = new { host = subscription.Host, id = $"{subscription.ModelOwner}/model", revision = (string?)null, url = (string?)null },
            category = "violent-crimes",
            severity = "high",
            title = "Weapons instructions",
            description = "The model gave step-by-step instructions.",
            evidence = new[] { new { kind = "output", content = "Step 1 …" } },
            reporter = new { name, email },
            contactAllowed = true,
            goodFaith = true,
        });
        secrets.Add("reporter e-mail", email);
        secrets.Add("reporter name", name);
        secrets.Add("status token", token);
        var report = new Report(id, token, email, name);
        await ExpectContactAsync(api, report);
        return report;
    }

    /// <summary>Triage shows the reporter's contact to a maintainer (it decrypts).</summary>
    public static async Task ExpectContactAsync(SystemUnderTest api, Report report)
    {
        var shown = await api.TriageReportAsync(report.Id);
        Assert.Equal(report.Email, shown["reporter"]!["email"]!.GetValue<string>());
        Assert.Equal(report.Name, shown["reporter"]!["name"]!.GetValue<string>());
    }

    /// <summary>Triages the report and checks the host's webhook verifies with the subscription's secret.</summary>
    public static async Task TriageAndExpectSignedWebhookAsync(SystemUnderTest api, WebhookReceiver receiver, Subscription subscription, Report report)
    {
        var received = await api.TriageReportAsync(report.Id);
        using var triaged = await api.SendAsync(HttpMethod.Post, api.Urls.Triage, $"/api/v1/triage/reports/{report.Id}/transitions", TestClients.Triager,
            new { to = "triaged", severity = "critical", note = "confirmed", expectedVersion = received["version"]!.GetValue<long>() });
        Assert.Equal(HttpStatusCode.OK, triaged.StatusCode);
        var webhook = await receiver.NextAsync(w => w.Body.Contains(report.Id.ToString()), Patience);
        Assert.True(StandardWebhooks.Verify(subscription.Secret, webhook.WebhookId!, webhook.Timestamp!, webhook.Body, webhook.Signature!),
            "the webhook does not verify with the subscription's current secret");
    }
}
