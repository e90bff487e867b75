using SafetyReports.Intake.Transparency;

namespace SafetyReports.UnitTests.Intake.Transparency;

public class DisplayNameTests
{
    [Theory]
    [InlineData("hub-a", "hub-a")]
    [InlineData("evil\u202Egnp.exe", "evilgnp.exe")]
    [InlineData("\u2067isolate\u2069 \u200Fmark", "isolate mark")]
    [InlineData("zero\u200Bwidth", "zerowidth")]
    [InlineData("tab\tand\n\nnew  line", "tab and new line")]
    [InlineData("bell\u0007", "bell")]
    [InlineData("<script>alert(1)</script>", "<script>alert(1)</script>")]
    [InlineData("family 👨‍👩‍👧", "family 👨‍👩‍👧")]
    [InlineData(null, "")]
    public void Control_and_direction_characters_are_dropped_and_the_rest_is_kept_for_the_writer_to_escape(string? name, string shown)
    {
        Assert.Equal(shown, DisplayName.Of(name));
    }

    [Fact]
    public void A_lone_surrogate_is_dropped()
    {
        Assert.Equal("lone surrogate", DisplayName.Of("lone " + (char)0xD800 + " surrogate"));
    }

    [Fact]
    public void A_long_name_is_shortened_by_what_a_reader_counts_as_characters()
    {
        var shortened = DisplayName.Of(new string('x', 500), 30);
        Assert.Equal(30, shortened.Length);
        Assert.EndsWith(DisplayName.Ellipsis, shortened);

        // Ten flags are twenty surrogate pairs: cut between two flags, never inside one.
        var flags = string.Concat(Enumerable.Repeat("🇫🇷", 10));
        Assert.Equal(string.Concat(Enumerable.Repeat("🇫🇷", 4)) + DisplayName.Ellipsis, DisplayName.Of(flags, 5));
        Assert.Equal("short", DisplayName.Of("short", 30));
    }
}
