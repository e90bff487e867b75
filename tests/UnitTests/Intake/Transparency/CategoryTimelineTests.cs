using SafetyReports.Intake.Transparency;

namespace SafetyReports.UnitTests.Intake.Transparency;

public class CategoryTimelineTests
{
    [Fact]
    public void Months_sum_the_listed_hosts_and_count_withheld_cells_instead_of_adding_zero()
    {
        var january = FiguresSamples.Figures(
            FiguresSamples.Group("a", byCategory: new Dictionary<string, long?> { ["hate"] = 7, ["privacy"] = null }),
            FiguresSamples.Group("b", byCategory: new Dictionary<string, long?> { ["hate"] = 5, ["privacy"] = 6 }));
        var february = FiguresSamples.Figures(FiguresSamples.Group("a", byCategory: new Dictionary<string, long?> { ["privacy"] = null }));

        var timeline = CategoryTimeline.Build([("2026-01", january), ("2026-02", february), ("2026-03", null)]);

        Assert.Equal(new SummedCell(12, 0), timeline["2026-01", "hate"]);
        Assert.Equal(new SummedCell(6, 1), timeline["2026-01", "privacy"]);
        Assert.True(timeline["2026-02", "privacy"].IsWhollyWithheld);
        Assert.Equal(new SummedCell(18, 1), timeline.MonthTotal("2026-01"));
        Assert.Equal(new SummedCell(6, 2), timeline.CategoryTotal("privacy"));
        Assert.Equal(["2026-03"], timeline.Unavailable);
        Assert.Equal(["2026-01", "2026-02", "2026-03"], timeline.Months);
        Assert.False(timeline.IsEmpty);
    }

    [Fact]
    public void A_period_without_listed_hosts_is_empty_and_keeps_every_category()
    {
        var timeline = CategoryTimeline.Build([("2026-01", FiguresSamples.Figures())]);

        Assert.True(timeline.IsEmpty);
        Assert.Equal(SafetyReports.Contracts.HazardTaxonomy.Categories.Count, timeline.Categories.Count);
    }

    [Fact]
    public void A_category_code_outside_the_taxonomy_is_kept_at_the_end()
    {
        var timeline = CategoryTimeline.Build([("2026-01", FiguresSamples.Figures(
            FiguresSamples.Group("a", byCategory: new Dictionary<string, long?> { ["zz-new"] = 9 })))]);

        Assert.Equal("zz-new", timeline.Categories[^1]);
        Assert.Equal(9, timeline["2026-01", "zz-new"].Known);
    }
}
