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

    /// <summary>Whether report number n of <see cref="ReportWithFiles"/> carries evidence files, and how many.</summary>
    public static int FilesOf(int n) => n % 10 == 3 ? (n % 40 == 3 ? 2 : 1) : 0;

    /// <summary>
    /// As <see cref="Report"/>, and one report in ten carries a chat log (one in forty an image too), sent as multipart:
    /// the hand-over of files from Intake to Triage goes through whatever the load test does to the system.
    /// </summary>
    public static object ReportWithFiles(int n) => FilesOf(n) switch
    {
        0 => Report(n),
        1 => new SubmissionWithFiles(Report(n), [ChatLog(n)]),
        _ => new SubmissionWithFiles(Report(n), [ChatLog(n), ("screenshot.png", UnitTests.Intake.Evidence.EvidenceImages.Encode(16 + n % 7, 9, SkiaSharp.SKEncodedImageFormat.Png))]),
    };

    private static (string Name, byte[] Content) ChatLog(int n) =>
        ($"chat-{n}.jsonl", System.Text.Encoding.UTF8.GetBytes($"{{\"role\":\"user\",\"text\":\"load report {n}\"}}\n{{\"role\":\"model\",\"text\":\"answer {n}\"}}\n"));

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
