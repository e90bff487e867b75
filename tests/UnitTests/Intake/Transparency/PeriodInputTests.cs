using SafetyReports.Intake.Transparency;

namespace SafetyReports.UnitTests.Intake.Transparency;

public class PeriodInputTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", " ")]
    [InlineData("2026-01", null)]
    [InlineData(null, "2026-12")]
    [InlineData("2026-01", "2026-12")]
    [InlineData(" 2026-03 ", "2026-03")]
    public void Months_or_nothing_are_accepted(string? from, string? to)
    {
        Assert.True(PeriodInput.Parse(from, to).IsValid);
    }

    [Theory]
    [InlineData("2026-13", null, "from", PeriodErrorKind.NotAMonth)]
    [InlineData("1999-12", null, "from", PeriodErrorKind.NotAMonth)]
    [InlineData(null, "2026-1", "to", PeriodErrorKind.NotAMonth)]
    [InlineData(null, "<script>", "to", PeriodErrorKind.NotAMonth)]
    [InlineData("2026-05", "2026-01", "from", PeriodErrorKind.StartsAfterEnd)]
    public void Anything_else_is_an_error_on_its_field(string? from, string? to, string field, PeriodErrorKind kind)
    {
        var period = PeriodInput.Parse(from, to);

        Assert.False(period.IsValid);
        Assert.Equal(new PeriodError(field, kind), Assert.Single(period.Errors));
    }

    [Fact]
    public void The_months_of_a_period_cross_the_year()
    {
        Assert.Equal(["2025-11", "2025-12", "2026-01"], PeriodInput.MonthsBetween("2025-11", "2026-01"));
        Assert.Empty(PeriodInput.MonthsBetween("2026-02", "2026-01"));
        Assert.Empty(PeriodInput.MonthsBetween("nonsense", "2026-01"));
    }
}
