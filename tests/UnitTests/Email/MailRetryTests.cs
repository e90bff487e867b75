using SafetyReports.ServiceDefaults.Email;

namespace SafetyReports.UnitTests.Email;

public class MailRetryTests
{
    private static readonly TimeSpan First = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Longest = TimeSpan.FromHours(6);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(9, 256)]
    public void The_wait_doubles_from_the_first_retry(int failures, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), MailRetry.After(failures, First, Longest));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(1000)]
    [InlineData(int.MaxValue)]
    public void The_wait_stops_growing_at_the_longest_and_never_overflows(int failures)
    {
        Assert.Equal(Longest, MailRetry.After(failures, First, Longest));
    }

    [Fact]
    public void Before_any_failure_there_is_no_wait()
    {
        Assert.Equal(TimeSpan.Zero, MailRetry.After(0, First, Longest));
    }
}
