using SafetyReports.Notification.Api;

namespace SafetyReports.UnitTests.Notification;

/// <summary>An edit follows creation's rules for the fields it gives and says nothing about those it leaves out.</summary>
public class SubscriptionUpdateValidationTests
{
    [Fact]
    public void Fields_left_out_are_not_checked()
    {
        Assert.Empty(HostRequestValidator.ValidateUpdate(new UpdateSubscriptionRequest(null, null, null)));
        Assert.Empty(HostRequestValidator.ValidateUpdate(new UpdateSubscriptionRequest(null, ["report.resolved"], ["org/*"])));
        // An empty list of patterns is "every model", as at creation.
        Assert.Empty(HostRequestValidator.ValidateUpdate(new UpdateSubscriptionRequest(null, null, [])));
    }

    public static TheoryData<List<string?>> BadEvents() => new([], ["report.unknown"], [null], ["webhook.test"]);

    [Theory]
    [MemberData(nameof(BadEvents))]
    public void Events_given_must_be_known_and_subscribable_as_at_creation(List<string?> events)
    {
        var update = HostRequestValidator.ValidateUpdate(new UpdateSubscriptionRequest(null, events, null));
        var create = HostRequestValidator.ValidateSubscription(new CreateSubscriptionRequest("https://x.example", events, null));
        Assert.Equal(create["events"], update["events"]);
        Assert.Single(update);
    }

    public static TheoryData<List<string?>> BadPatterns() =>
        new(["has space"], [""], [null], [new string('a', 201)], [.. Enumerable.Repeat<string?>("a/*", 51)], ["*a*a*a*a*a*a*a*a*b"]);

    [Theory]
    [MemberData(nameof(BadPatterns))]
    public void Patterns_given_follow_the_rules_of_creation(List<string?> patterns)
    {
        var update = HostRequestValidator.ValidateUpdate(new UpdateSubscriptionRequest(null, null, patterns));
        var create = HostRequestValidator.ValidateSubscription(new CreateSubscriptionRequest("https://x.example", ["report.triaged"], patterns));
        Assert.Equal(create["modelPatterns"], update["modelPatterns"]);
        Assert.Single(update);
    }
}
