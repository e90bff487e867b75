using System.Globalization;
using SafetyReports.Intake.Transparency;

namespace SafetyReports.UnitTests.Intake.Transparency;

/// <summary>Durations read in the page's language: its units and its way of writing numbers.</summary>
public class DurationTextTests
{
    [Theory]
    [InlineData("en", 90 * 60, "90 min")]
    [InlineData("en", 5 * 3600 + 1800, "5.5 h")]
    [InlineData("en", 3 * 86400, "3 days")]
    [InlineData("de", 5 * 3600 + 1800, "5,5 Std.")]
    [InlineData("de", 3 * 86400, "3 Tage")]
    [InlineData("fr", 36 * 3600, "36 h")]
    [InlineData("fr", 60 * 3600, "2,5 jours")]
    [InlineData("zh-Hans", 3 * 86400, "3 天")]
    public void A_duration_is_written_in_the_page_language(string tag, long seconds, string expected)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(tag);
        try
        {
            Assert.Equal(expected, DurationText.Of(seconds));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }
}
