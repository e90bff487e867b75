using SafetyReports.Notification.Domain;

namespace SafetyReports.UnitTests.Notification;

public class SubscriptionEditTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static readonly Subscription Current = new(
        Guid.NewGuid(), "hub", "https://hooks.example.org/a", [WebhookEvents.Triaged], ["org/*"], "secret", false, Now,
        FailingSince: Now.AddDays(-2), DisabledReason: DisabledReasons.Failing, DisabledAt: Now.AddHours(-1));

    [Fact]
    public void Fields_left_out_stay_as_they_are()
    {
        var edit = SubscriptionEdit.Of(Current, null, null, null);

        Assert.Equal(Current.Url, edit.Url);
        Assert.Equal(Current.Events, edit.Events);
        Assert.Equal(Current.ModelPatterns, edit.ModelPatterns);
        Assert.False(edit.RestartsFailingPeriod);
        Assert.Equal(Current, edit.ApplyTo(Current));
    }

    [Fact]
    public void A_new_url_restarts_the_failing_period_and_keeps_secret_state_and_host()
    {
        var edit = SubscriptionEdit.Of(Current, "https://hooks.example.org/b", null, null);

        Assert.True(edit.RestartsFailingPeriod);
        Assert.Equal(
            Current with { Url = "https://hooks.example.org/b", FailingSince = null },
            edit.ApplyTo(Current));
    }

    [Theory]
    [InlineData("https://hooks.example.org/a", false)]
    [InlineData("https://hooks.example.org/A", true)] // paths are case-sensitive: another URL
    [InlineData("https://hooks.example.org/a/", true)]
    public void Only_a_different_url_restarts_the_failing_period(string url, bool restarts)
    {
        var edit = SubscriptionEdit.Of(Current, url, null, null);
        Assert.Equal(restarts, edit.RestartsFailingPeriod);
        Assert.Equal(restarts ? null : Current.FailingSince, edit.ApplyTo(Current).FailingSince);
    }

    [Fact]
    public void Events_and_patterns_are_replaced_without_repeats_and_no_patterns_means_every_model()
    {
        var edit = SubscriptionEdit.Of(Current, null, [WebhookEvents.Resolved, WebhookEvents.Resolved, WebhookEvents.Rejected], []);

        Assert.Equal([WebhookEvents.Resolved, WebhookEvents.Rejected], edit.Events);
        Assert.Equal([SubscriptionEdit.AllModels], edit.ModelPatterns);
        Assert.Equal(["a/*", "b/**"], SubscriptionEdit.Of(Current, null, null, ["a/*", "b/**", "a/*"]).ModelPatterns);
    }

    [Theory]
    [InlineData(DisabledReasons.Failing, true)]
    [InlineData(DisabledReasons.Gone, true)]
    [InlineData(DisabledReasons.Manual, false)]
    [InlineData(null, false)]
    [InlineData("FAILING", false)]
    public void Only_notifications_own_reasons_are_automatic(string? reason, bool automatic) =>
        Assert.Equal(automatic, DisabledReasons.IsAutomatic(reason));
}
