using System.Net;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Browser;

/// <summary>
/// A Standalone system whose transparency figures list hosts from one triaged report (suppression threshold 1),
/// seeded through the real APIs: hub-a's three reports triaged, announced by a signed webhook and two of them
/// acknowledged by the host; a host with a hostile name, triaged. Chromium as for every browser test.
/// </summary>
public sealed class TransparencyFixture : BrowserFixture, IAsyncLifetime
{
    public const string Host = "hub-a";

    /// <summary>Markup and quotes in a host name a reporter typed (Intake refuses control and direction characters).</summary>
    public const string HostileHost = "<img src=x onerror=alert(1)> \"hub\" & co";

    private WebhookReceiver? _receiver;

    protected override Dictionary<string, string> Settings => new()
    {
        ["SafetyReports:Triage:Transparency:SuppressionThreshold"] = "1",
    };

    public string ModelPrefix { get; } = $"org-{Guid.NewGuid():N}"[..16];

    // Re-implemented so the base fixture's start and stop stay as they are for every other browser test.
    async ValueTask IAsyncLifetime.InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        await InitializeAsync();
        await SeedAsync(System.Api, _receiver);
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        if (_receiver is not null)
        {
            await _receiver.DisposeAsync();
        }
    }

    private async Task SeedAsync(SystemUnderTest api, WebhookReceiver receiver)
    {
        using (var created = await api.SendAsync(HttpMethod.Post, api.Urls.Notification, "/api/v1/hosts", TestClients.Admin,
                   new { id = Host, name = "Hub A", contactEmail = "security@hub-a.example" }))
        {
            Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"create host: {created.StatusCode}");
        }

        using (var subscribed = await api.SendAsync(HttpMethod.Post, api.Urls.Notification, $"/api/v1/hosts/{Host}/subscriptions", TestClients.Admin,
                   new { url = $"{receiver.BaseUrl}/hooks/{Host}", events = new[] { "report.triaged" }, modelPatterns = new[] { ModelPrefix + "/*" } }))
        {
            Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        }

        var hubA = new List<Guid>();
        foreach (var (model, category) in new[] { ("alpha", "hate"), ("alpha", "privacy"), ("beta", "hate") })
        {
            hubA.Add(await SubmitAndTriageAsync(api, Host, $"{ModelPrefix}/{model}", category));
        }

        await SubmitAndTriageAsync(api, HostileHost, "org/hostile", "violent-crimes");

        foreach (var id in hubA)
        {
            await api.TriageReportAsync(id, r => r["status"]!.GetValue<string>() == "host_notified");
        }

        foreach (var id in hubA.Take(2))
        {
            using var acknowledged = await api.SendAsync(HttpMethod.Post, api.Urls.Notification, $"/api/v1/host/reports/{id}/acknowledge", TestClients.HostA,
                new { note = "Looking into it" });
            Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
            await api.TriageReportAsync(id, r => r["status"]!.GetValue<string>() == "acknowledged");
        }
    }

    private static async Task<Guid> SubmitAndTriageAsync(SystemUnderTest api, string host, string model, string category)
    {
        var (id, _) = await api.SubmitAsync(new
        {
            model = new { host, id = model, revision = (string?)null, url = (string?)null },
            category,
            severity = "high",
            title = $"Transparency page {Guid.NewGuid():N}",
            description = "The model produced harmful text on request.",
            evidence = new[] { new { kind = "output", content = "Harmful output" } },
            contactAllowed = false,
            goodFaith = true,
        });
        var report = await api.TriageReportAsync(id);
        using var moved = await api.SendAsync(HttpMethod.Post, api.Urls.Triage, $"/api/v1/triage/reports/{id}/transitions", TestClients.Triager,
            new { to = "triaged", note = "confirmed", expectedVersion = report["version"]!.GetValue<long>() });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        return id;
    }
}
