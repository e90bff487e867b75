using SafetyReports.Notification.Domain;

namespace SafetyReports.UnitTests.Notification;

public class SubscriptionInterestTests
{
    private static Subscription With(string[] events, string[] patterns) =>
        new(Guid.NewGuid(), "hub", "https://hooks.example.org", events, patterns, "secret", true, DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData(new[] { "report.triaged" }, "report.triaged", true)]
    [InlineData(new[] { "report.triaged" }, "report.resolved", false)]
    [InlineData(new[] { "report.resolved" }, "report.resolved", true)]
    // Follow-ups go where the report was announced, or where they are asked for by name.
    [InlineData(new[] { "report.triaged" }, "report.reminder", true)]
    [InlineData(new[] { "report.triaged" }, "report.message", true)]
    [InlineData(new[] { "report.resolved" }, "report.contested", false)]
    [InlineData(new[] { "report.updated" }, "report.updated", true)]
    // A coming disclosure goes to those that hear reminders, and to those that ask for it.
    [InlineData(new[] { "report.reminder" }, "report.disclosure_pending", true)]
    [InlineData(new[] { "report.disclosure_pending" }, "report.disclosure_pending", true)]
    [InlineData(new[] { "report.rejected" }, "report.disclosure_pending", false)]
    // A test goes to the subscription it was asked for, whatever it subscribes to.
    [InlineData(new[] { "report.rejected" }, "webhook.test", true)]
    public void A_subscription_wants_the_events_it_asks_for(string[] events, string eventType, bool wanted) =>
        Assert.Equal(wanted, SubscriptionInterest.Wants(With(events, ["**"]), eventType, "org/model"));

    [Fact]
    public void A_subscription_wants_events_only_about_the_models_its_patterns_cover()
    {
        var narrowed = With([WebhookEvents.Triaged], ["other/*"]);
        Assert.False(SubscriptionInterest.Wants(narrowed, WebhookEvents.Triaged, "org/model"));
        Assert.True(SubscriptionInterest.Wants(narrowed, WebhookEvents.Triaged, "other/model"));
        Assert.Contains("org/model", SubscriptionInterest.NoLongerWanted(WebhookEvents.Triaged, "org/model"), StringComparison.Ordinal);
    }
}
