using System.Net;
using Microsoft.AspNetCore.Http;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Notification;

public sealed class SubscriptionEditFixture : NotificationSystemFixture
{
    // Retries every two seconds for a while: a failing delivery stays pending long enough to be edited under it.
    protected override Dictionary<string, string> Configure() => Settings(
        ("RetrySchedule:1", "00:00:02"), ("RetrySchedule:2", "00:00:02"), ("RetrySchedule:3", "00:00:02"), ("RetrySchedule:4", "00:00:02"),
        ("RetrySchedule:5", "00:00:02"), ("RetrySchedule:6", "00:00:02"), ("RetrySchedule:7", "00:00:02"), ("RetrySchedule:8", "00:00:02"));
}

/// <summary><c>PATCH /api/v1/subscriptions/{id}</c> in a real Standalone: who may, what it changes, where webhooks go afterwards.</summary>
public sealed class SubscriptionEditTests(SubscriptionEditFixture fixture) : IClassFixture<SubscriptionEditFixture>
{
    private NotificationClient Notification => fixture.Notification;

    [Fact]
    public async Task A_new_url_restarts_the_failing_period_and_pending_and_later_webhooks_go_there()
    {
        await using var broken = await ScriptedReceiver.StartAsync();
        await using var fixedReceiver = await ScriptedReceiver.StartAsync();
        broken.Respond = _ => new ScriptedReply(StatusCodes.Status500InternalServerError);
        await Notification.EnsureHostAsync("hub-b");
        var subscription = await Notification.SubscribeAsync(TestClients.HostB, "hub-b", broken.BaseUrl + "/old", modelPatterns: ["none/*"]);

        var (pendingId, pendingWebhookId) = await Notification.SendTestAsync(subscription.Id, TestClients.HostB);
        await Notification.DeliveryAsync(pendingId, d => NotificationClient.Attempts(d).Count >= 1);
        Assert.NotNull((await Notification.SubscriptionAsync(subscription.Id, TestClients.HostB))["failingSince"]);

        var edited = await Notification.JsonAsync(HttpMethod.Patch, $"/api/v1/subscriptions/{subscription.Id}", TestClients.HostB,
            new { url = fixedReceiver.BaseUrl + "/new", events = new[] { "report.triaged", "report.resolved" }, modelPatterns = new[] { "org-x/*" } });

        Assert.Equal(fixedReceiver.BaseUrl + "/new", edited["url"]!.GetValue<string>());
        Assert.Equal(["report.triaged", "report.resolved"], edited["events"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal(["org-x/*"], edited["modelPatterns"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Null(edited["failingSince"]);
        Assert.True(edited["enabled"]!.GetValue<bool>());

        // The delivery that was failing is retried at the new URL, with the same webhook-id and the secret the host already has.
        var retried = await fixedReceiver.NextAsync(r => r.WebhookId == pendingWebhookId, NotificationClient.Patience);
        Assert.Equal("/new", retried.Path);
        Assert.True(StandardWebhooks.Verify(subscription.Secret, retried.WebhookId!, retried.Timestamp!, retried.Body, retried.Signature!));
        await Notification.DeliveryAsync(pendingId, d => NotificationClient.Status(d) == "succeeded");

        var (_, nextWebhookId) = await Notification.SendTestAsync(subscription.Id, TestClients.HostB);
        await fixedReceiver.NextAsync(r => r.WebhookId == nextWebhookId, NotificationClient.Patience);
        Assert.Empty(broken.With(nextWebhookId));
    }

    [Fact]
    public async Task Only_the_fields_given_change_and_bad_input_changes_nothing()
    {
        await using var receiver = await ScriptedReceiver.StartAsync();
        await Notification.EnsureHostAsync("hub-a");
        var subscription = await Notification.SubscribeAsync(TestClients.Admin, "hub-a", receiver.BaseUrl + "/a", modelPatterns: ["none/*"]);
        var before = await Notification.SubscriptionAsync(subscription.Id);

        using (var bad = await Notification.SendAsync(HttpMethod.Patch, $"/api/v1/subscriptions/{subscription.Id}", TestClients.Admin,
                   new { url = receiver.BaseUrl + "/b", events = new[] { "report.unknown" }, modelPatterns = new[] { "has space" } }))
        {
            await NotificationClient.AssertProblemAsync(bad, HttpStatusCode.BadRequest, "events");
            await NotificationClient.AssertProblemAsync(bad, HttpStatusCode.BadRequest, "modelPatterns");
        }

        using (var badUrl = await Notification.SendAsync(HttpMethod.Patch, $"/api/v1/subscriptions/{subscription.Id}", TestClients.Admin,
                   new { url = "ftp://example.org/hook", events = new[] { "report.resolved" } }))
        {
            await NotificationClient.AssertProblemAsync(badUrl, HttpStatusCode.BadRequest, "url");
        }

        Assert.Equal(before.ToJsonString(), (await Notification.SubscriptionAsync(subscription.Id)).ToJsonString());

        var edited = await Notification.JsonAsync(HttpMethod.Patch, $"/api/v1/subscriptions/{subscription.Id}", TestClients.Admin,
            new { events = new[] { "report.rejected" } });
        Assert.Equal(["report.rejected"], edited["events"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal(before["url"]!.GetValue<string>(), edited["url"]!.GetValue<string>());
        Assert.Equal(before["modelPatterns"]!.ToJsonString(), edited["modelPatterns"]!.ToJsonString());
    }

    [Fact]
    public async Task A_pattern_with_more_wildcards_than_the_cap_is_a_field_error_at_creation_and_edit()
    {
        // Nine wildcards: the pattern that took a recursive matcher over a minute on a model id of 60 'a's.
        const string tooMany = "*a*a*a*a*a*a*a*a*b";
        await using var receiver = await ScriptedReceiver.StartAsync();
        await Notification.EnsureHostAsync("hub-b");

        using (var created = await Notification.SendAsync(HttpMethod.Post, "/api/v1/hosts/hub-b/subscriptions", TestClients.HostB,
                   new { url = receiver.BaseUrl + "/stars", events = new[] { "report.triaged" }, modelPatterns = new[] { tooMany } }))
        {
            await NotificationClient.AssertProblemAsync(created, HttpStatusCode.BadRequest, "modelPatterns");
        }

        var subscription = await Notification.SubscribeAsync(TestClients.HostB, "hub-b", receiver.BaseUrl + "/stars", modelPatterns: ["none/*"]);
        var before = await Notification.SubscriptionAsync(subscription.Id);
        using (var edited = await Notification.SendAsync(HttpMethod.Patch, $"/api/v1/subscriptions/{subscription.Id}", TestClients.HostB,
                   new { modelPatterns = new[] { "org/*", tooMany } }))
        {
            await NotificationClient.AssertProblemAsync(edited, HttpStatusCode.BadRequest, "modelPatterns");
        }

        Assert.Equal(before.ToJsonString(), (await Notification.SubscriptionAsync(subscription.Id)).ToJsonString());
    }

    [Fact]
    public async Task Another_hosts_client_gets_404_and_changes_nothing()
    {
        await using var receiver = await ScriptedReceiver.StartAsync();
        await Notification.EnsureHostAsync("hub-b");
        var subscription = await Notification.SubscribeAsync(TestClients.HostB, "hub-b", receiver.BaseUrl + "/b", modelPatterns: ["none/*"]);
        var before = await Notification.SubscriptionAsync(subscription.Id);

        using (var other = await Notification.SendAsync(HttpMethod.Patch, $"/api/v1/subscriptions/{subscription.Id}", TestClients.HostA,
                   new { url = receiver.BaseUrl + "/stolen" }))
        {
            await NotificationClient.AssertProblemAsync(other, HttpStatusCode.NotFound);
        }

        using (var unknown = await Notification.SendAsync(HttpMethod.Patch, $"/api/v1/subscriptions/{Guid.NewGuid()}", TestClients.HostB,
                   new { url = receiver.BaseUrl + "/x" }))
        {
            await NotificationClient.AssertProblemAsync(unknown, HttpStatusCode.NotFound);
        }

        Assert.Equal(before.ToJsonString(), (await Notification.SubscriptionAsync(subscription.Id)).ToJsonString());
    }
}
