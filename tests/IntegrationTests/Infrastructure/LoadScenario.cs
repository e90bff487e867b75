using System.Net;

namespace SafetyReports.IntegrationTests.Infrastructure;

/// <summary>
/// The reports and subscriptions the load tests use: every report is about a model of host A; one
/// subscription matches all of them, a second only the even-numbered ones, so "every matching
/// subscription" means one or two deliveries per report.
/// </summary>
public static class LoadScenario
{
    public static string Host => TestClients.HostA.HostId!;

    /// <summary>Report number n: distinct titles, so no two fold into one.</summary>
    public static object Report(int n) =>
        SystemUnderTest.Report(Host, $"load-org/{(n % 2 == 0 ? "even" : "odd")}-{n % 7}", $"Load report {n}");

    public static async Task<IReadOnlyList<LoadSubscription>> SubscribeAsync(SystemUnderTest api, WebhookReceiver receiver)
    {
        using (var created = await api.SendAsync(HttpMethod.Post, api.Urls.Notification, "/api/v1/hosts", TestClients.Admin,
                   new { id = Host, name = "Hub A", contactEmail = "security@hub-a.example" }))
        {
            Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"create host: {created.StatusCode}");
        }

        return
        [
            await SubscribeAsync(api, receiver, "/hooks/all", "load-org/*", _ => true),
            await SubscribeAsync(api, receiver, "/hooks/even", "load-org/even-*", n => n % 2 == 0),
        ];
    }

    private static async Task<LoadSubscription> SubscribeAsync(SystemUnderTest api, WebhookReceiver receiver, string path, string pattern, Func<int, bool> matches)
    {
        using var subscribed = await api.SendAsync(HttpMethod.Post, api.Urls.Notification, $"/api/v1/hosts/{Host}/subscriptions", TestClients.Admin,
            new { url = receiver.BaseUrl + path, events = new[] { "report.triaged" }, modelPatterns = new[] { pattern } });
        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        var id = Guid.Parse((await SystemUnderTest.JsonAsync(subscribed))["id"]!.GetValue<string>());
        return new LoadSubscription(id, path, matches);
    }

    /// <summary>Short webhook retries and a fast dispatcher, so that an outage's retries finish within the test.</summary>
    public static Dictionary<string, string> NotificationSettings()
    {
        var settings = new Dictionary<string, string>
        {
            ["SafetyReports:Notification:PollInterval"] = "00:00:00.100",
            ["SafetyReports:Notification:AttemptTimeout"] = "00:00:02",
            ["SafetyReports:Notification:MaxConcurrentPerEndpoint"] = "8",
            ["SafetyReports:Notification:EndpointQueueCapacity"] = "32",
            ["SafetyReports:Notification:RetrySchedule:0"] = "00:00:00",
        };
        // Then every second or two for about a minute: longer than any outage the tests cause.
        for (var i = 1; i <= 40; i++)
        {
            settings[$"SafetyReports:Notification:RetrySchedule:{i}"] = i == 1 ? "00:00:01" : "00:00:02";
        }

        return settings;
    }
}
