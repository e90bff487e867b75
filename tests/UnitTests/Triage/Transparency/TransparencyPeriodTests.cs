using SafetyReports.Triage.Transparency;

namespace SafetyReports.UnitTests.Triage.Transparency;

public class TransparencyPeriodTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null, null, 202512, 202611)]
    [InlineData("2026-03", null, 202603, 202611)]
    [InlineData(null, "2026-03", 202504, 202603)]
    [InlineData("2024-01", "2024-12", 202401, 202412)]
    [InlineData("2027-02", null, 202702, 202702)]
    public void Periods_default_to_twelve_months_up_to_now(string? from, string? to, int start, int end)
    {
        var (period, errors) = TransparencyPeriod.Parse(from, to, Now, new TransparencyOptions());
        Assert.Empty(errors);
        Assert.Equal(new TransparencyPeriod(start, end), period);
    }

    [Theory]
    [InlineData("2026-1", null, "from")]
    [InlineData("26-01", null, "from")]
    [InlineData("2026-13", null, "from")]
    [InlineData("1999-12", null, "from")]
    [InlineData(null, "2026-00", "to")]
    [InlineData("2026-05", "2026-04", "from")]
    [InlineData("2020-01", "2025-01", "to")]
    public void Bad_periods_name_their_parameter(string? from, string? to, string field)
    {
        var (period, errors) = TransparencyPeriod.Parse(from, to, Now, new TransparencyOptions());
        Assert.Null(period);
        Assert.True(errors.ContainsKey(field));
    }

    [Fact]
    public void Months_count_across_years() => Assert.Equal(14, new TransparencyPeriod(202511, 202612).Months);
}
