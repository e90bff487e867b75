using SafetyReports.Intake.AntiAbuse;

namespace SafetyReports.UnitTests.Intake;

public sealed class ClientWindowRuleTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 30, TimeSpan.Zero);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void A_first_request_begins_a_window_and_requests_are_counted_up_to_the_limit_and_no_further()
    {
        var (window, counted) = ClientWindowRule.Apply(null, 2, Start, Minute);
        Assert.Equal((new ClientWindow(Start, 1), true), (window, counted));
        (window, counted) = ClientWindowRule.Apply(window, 2, Start.AddSeconds(59), Minute);
        Assert.Equal((new ClientWindow(Start, 2), true), (window, counted));
        (window, counted) = ClientWindowRule.Apply(window, 2, Start.AddSeconds(59.9), Minute);
        Assert.Equal((new ClientWindow(Start, 2), false), (window, counted));
    }

    [Fact]
    public void The_first_request_once_the_window_ended_begins_a_new_one()
    {
        var full = new ClientWindow(Start, 5);
        Assert.False(ClientWindowRule.HasEnded(full, Start.AddSeconds(59.999), Minute));
        Assert.True(ClientWindowRule.HasEnded(full, Start.AddMinutes(1), Minute));
        Assert.Equal((new ClientWindow(Start.AddMinutes(1), 1), true), ClientWindowRule.Apply(full, 5, Start.AddMinutes(1), Minute));
        Assert.Equal((new ClientWindow(Start.AddHours(3), 1), true), ClientWindowRule.Apply(full, 5, Start.AddHours(3), Minute));
    }

    [Theory]
    [InlineData(0, 60)]
    [InlineData(20.2, 40)]
    [InlineData(59.5, 1)]
    [InlineData(60, 1)]
    [InlineData(90, 1)]
    public void Retry_after_is_the_rest_of_the_window_in_whole_seconds_and_at_least_one(double elapsed, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), ClientWindowRule.RetryAfter(Start, Start.AddSeconds(elapsed), Minute));
}
