using SafetyReports.Triage.Transparency;

namespace SafetyReports.UnitTests.Triage.Transparency;

public class TransparencyCalculatorTests
{
    [Theory]
    [InlineData(new[] { 7 }, 0.5, 7)]
    [InlineData(new[] { 1, 2 }, 0.5, 1)]
    [InlineData(new[] { 1, 2, 3 }, 0.5, 2)]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 0.9, 9)]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, 0.9, 10)]
    [InlineData(new[] { 5, 5, 5, 9 }, 0.9, 9)]
    public void Percentiles_are_the_nearest_rank(int[] values, double fraction, int expected)
    {
        var histogram = values.GroupBy(v => v).OrderBy(g => g.Key).Select(g => (g.Key, (long)g.Count())).ToList();
        Assert.Equal(expected, TransparencyCalculator.Percentile(histogram, values.Length, fraction));
    }

    [Fact]
    public void Counts_below_the_threshold_are_withheld_and_zero_is_shown()
    {
        var cells = TransparencyCalculator.Breakdown(20, [("a", 12), ("b", 8), ("c", 0)], 5);
        Assert.Equal(new long?[] { 12, 8, 0 }, cells.Values);
        var small = TransparencyCalculator.Breakdown(20, [("a", 10), ("b", 6), ("c", 3), ("d", 1)], 5);
        Assert.Equal(new long?[] { 10, 6, null, null }, small.Values);
    }

    [Fact]
    public void A_single_withheld_cell_takes_the_smallest_other_with_it_so_subtraction_cannot_reveal_it()
    {
        var cells = TransparencyCalculator.Breakdown(20, [("a", 11), ("b", 6), ("c", 3), ("d", 0)], 5);
        Assert.Equal(new long?[] { 11, null, null, 0 }, cells.Values);
    }

    [Fact]
    public void A_withheld_total_leaves_its_cells_as_they_are_all_below_it()
    {
        var cells = TransparencyCalculator.Breakdown(4, [("a", 3), ("b", 1)], 5);
        Assert.Equal(new long?[] { null, null }, cells.Values);
    }

    [Fact]
    public void A_group_is_listed_only_with_enough_triaged_reports()
    {
        var tally = new CounterTally();
        tally.Add(new CounterKey(CounterKind.Reports, 0).Encode(), 50);
        tally.Add(new CounterKey(CounterKind.Triaged, 0).Encode(), 4);
        Assert.False(TransparencyCalculator.IsListed(tally, 5));
        tally.Add(new CounterKey(CounterKind.Triaged, 0).Encode(), 1);
        Assert.True(TransparencyCalculator.IsListed(tally, 5));
    }
}
