using SafetyReports.Triage.Transparency;

namespace SafetyReports.UnitTests.Triage.Transparency;

public class DurationResolutionTests
{
    [Theory]
    [InlineData(-5, 0)]
    [InlineData(0, 0)]
    [InlineData(59, 0)]
    [InlineData(61, 1)]
    [InlineData(59 * 60 + 59, 59)]
    [InlineData(3600, 60)]
    [InlineData(3600 + 4 * 60 + 59, 60)]
    [InlineData(3600 + 5 * 60, 65)]
    [InlineData(6 * 3600 + 14 * 60, 360)]
    [InlineData(6 * 3600 + 15 * 60, 375)]
    [InlineData(24 * 3600 + 59 * 60, 1440)]
    [InlineData(7 * 86400 + 5 * 3600, 7 * 1440)]
    [InlineData(7 * 86400 + 6 * 3600, 7 * 1440 + 360)]
    [InlineData(30 * 86400 + 23 * 3600, 30 * 1440)]
    [InlineData(3 * 365 * 86400, 730 * 1440)]
    public void Durations_round_down_to_the_resolution_of_their_band(long seconds, int minutes) =>
        Assert.Equal(minutes, DurationResolution.ToMinutes(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Rounding_loses_under_a_minute_below_an_hour_and_under_eight_percent_above()
    {
        for (var seconds = 1L; seconds < 800L * 86400; seconds = seconds * 101 / 100 + 1)
        {
            var duration = TimeSpan.FromSeconds(seconds);
            if (duration > DurationResolution.Longest)
            {
                break;
            }

            var rounded = TimeSpan.FromMinutes(DurationResolution.ToMinutes(duration));
            Assert.InRange(rounded, duration < TimeSpan.FromHours(1) ? duration - TimeSpan.FromMinutes(1) : duration * 0.92, duration);
        }
    }
}
