using SafetyReports.Intake.Transparency;

namespace SafetyReports.UnitTests.Intake.Transparency;

public class FiguresViewTests
{
    [Fact]
    public void Withheld_counts_are_never_zero_totals_say_fewer_than_and_breakdown_cells_say_withheld()
    {
        var row = Assert.Single(FiguresView.Of(FiguresSamples.Figures(FiguresSamples.Group("hub-a")), byModel: false).Rows);

        Assert.Equal(new FigureCell(CellKind.Value, 12), row.Reports);
        Assert.Equal(CellKind.FewerThan, row.Open.Kind);
        Assert.Equal(CellKind.Withheld, row.ByCategory["privacy"].Kind);
        Assert.Equal(new FigureCell(CellKind.Value, 0), row.ByStatus["received"]);
        Assert.Equal(CellKind.Withheld, row.ByStatus["triaged"].Kind);
        Assert.Equal(CellKind.Withheld, row.Acknowledgement.Late.Kind);
        Assert.False(row.Cell(row.ByStatus, "triaged").HasValue);
        // A status Triage did not send is not shown as 0 either.
        Assert.Equal(CellKind.Withheld, row.Cell(row.ByStatus, "resolved").Kind);
    }

    [Fact]
    public void A_step_no_report_reached_is_none_and_a_withheld_one_is_withheld()
    {
        var row = Assert.Single(FiguresView.Of(FiguresSamples.Figures(FiguresSamples.Group("hub-a")), byModel: false).Rows);

        Assert.Equal(CellKind.None, row.Times[Milestone.Notify].Count.Kind);
        Assert.False(row.Times[Milestone.Notify].IsShown);
        Assert.Equal(CellKind.FewerThan, row.Times[Milestone.Respond].Count.Kind);
        Assert.True(row.Times[Milestone.Acknowledge].IsShown);
    }

    [Fact]
    public void Rows_are_ordered_by_reports_with_withheld_totals_last_and_names_cleaned_for_display_only()
    {
        var view = FiguresView.Of(FiguresSamples.Figures(
            FiguresSamples.Group("small", reports: null),
            FiguresSamples.Group("big", reports: 40),
            FiguresSamples.Group("evil\u202Egnp.exe", reports: 20)), byModel: false);

        Assert.Equal(["big", "evil\u202Egnp.exe", "small"], view.Rows.Select(r => r.Name));
        Assert.Equal("evilgnp.exe", view.Rows[1].Label);
    }

    [Fact]
    public void An_empty_period_is_an_empty_view()
    {
        var view = FiguresView.Of(FiguresSamples.Figures(), byModel: false);

        Assert.True(view.IsEmpty);
        Assert.Equal("2026-01", view.From);
        Assert.Contains("hate", view.Categories);
    }

    [Fact]
    public void Models_are_rows_by_model_name()
    {
        var view = FiguresView.Of(FiguresSamples.Figures(FiguresSamples.Group("hub-a", model: "org/name")), byModel: true);

        Assert.Equal("org/name", Assert.Single(view.Rows).Name);
    }

    [Fact]
    public void Responses_and_contests_are_totals_and_their_share_is_shown_only_when_believable()
    {
        var row = Assert.Single(FiguresView.Of(FiguresSamples.Figures(FiguresSamples.Group("hub-a", responded: 10, contested: null, contestedShare: null)), byModel: false).Rows);
        Assert.Equal((new FigureCell(CellKind.Value, 10), CellKind.FewerThan, (double?)null), (row.Contests.Responded, row.Contests.Contested.Kind, row.Contests.ContestedShare));

        var shown = Assert.Single(FiguresView.Of(FiguresSamples.Figures(FiguresSamples.Group("hub-a", responded: 20, contested: 5, contestedShare: 0.25)), byModel: false).Rows);
        Assert.Equal((20L, 5L, (double?)0.25), (shown.Contests.Responded.Value, shown.Contests.Contested.Value, shown.Contests.ContestedShare));

        var odd = Assert.Single(FiguresView.Of(FiguresSamples.Figures(FiguresSamples.Group("hub-a", contestedShare: -0.1)), byModel: false).Rows);
        Assert.Null(odd.Contests.ContestedShare);
    }

    [Fact]
    public void A_share_outside_0_to_1_is_not_believed()
    {
        var row = Assert.Single(FiguresView.Of(FiguresSamples.Figures(FiguresSamples.Group("hub-a", share: 1.5)), byModel: false).Rows);

        Assert.Null(row.Acknowledgement.ShareWithinSla);
    }

    [Fact]
    public void The_count_of_reports_held_out_as_a_burst_reaches_the_page_and_is_zero_from_an_older_triage()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(FiguresSamples.Figures(FiguresSamples.Group("hub-a")) with { Held = 12 },
            new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
        Assert.Contains("\"held\":12", json, StringComparison.Ordinal);
        var read = System.Text.Json.JsonSerializer.Deserialize<PublishedFigures>(json, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;

        Assert.Equal(12, FiguresView.Of(read, byModel: false).Held);
        var older = json.Replace(",\"held\":12", "", StringComparison.Ordinal);
        Assert.Equal(0, FiguresView.Of(System.Text.Json.JsonSerializer.Deserialize<PublishedFigures>(older, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!, byModel: false).Held);
    }
}
