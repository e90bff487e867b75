using System.Xml.Linq;
using SafetyReports.Intake.Transparency;
using SafetyReports.Intake.Transparency.Charts;

namespace SafetyReports.UnitTests.Intake.Transparency;

/// <summary>The server-side SVG charts: well-formed, scalable, labelled, and every reporter's text escaped as text.</summary>
public class ChartTests
{
    private const string Hostile = "<script>x()</script>&\"'";

    private static readonly ResponseTimeLabels TimeLabels = new("Time to acknowledgement per host", "Bars to the median", "median", "90th percentile",
        "withheld", "none yet");

    private static readonly AcknowledgementLabels AckLabels = new("Acknowledged within 3 days", "Bars split", "within", "late or not at all", "{0} in time",
        "withheld");

    private static readonly CategoryTimelineLabels TimelineLabels = new("Reports per month", "Stacked columns", code => "Label of " + code,
        "All other categories", "some counts withheld", "unavailable");

    public static TheoryData<string> Charts => ["times", "acknowledgement", "timeline"];

    [Theory]
    [MemberData(nameof(Charts))]
    public void Hostile_names_are_text_nodes_and_the_chart_is_well_formed_and_labelled(string chart)
    {
        var svg = Build(chart, FiguresSamples.Group(Hostile), FiguresSamples.Group("\u202Eevil\u202C\u2067rtl\u2069"), FiguresSamples.Group(new string('w', 300)));

        var document = XElement.Parse(svg.Markup);
        Assert.Equal("svg", document.Name.LocalName);
        Assert.DoesNotContain(document.Descendants(), e => e.Name.LocalName is "script" or "foreignObject" or "a" or "image" or "style");
        Assert.DoesNotContain(document.DescendantsAndSelf().SelectMany(e => e.Attributes()), a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal)
            || a.Name.LocalName is "style" or "href");
        Assert.DoesNotContain("<script", svg.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", svg.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("\u2067", svg.Markup, StringComparison.Ordinal);

        // Scales with its container: a viewBox, no fixed size; named by its title and description.
        Assert.Matches(@"^0 0 \d+(\.\d+)? \d+(\.\d+)?$", (string)document.Attribute("viewBox")!);
        Assert.Null(document.Attribute("width"));
        Assert.Equal("img", (string)document.Attribute("role")!);
        var id = (string)document.Attribute("id")!;
        Assert.Equal($"{id}-title {id}-desc", (string)document.Attribute("aria-labelledby")!);
        Assert.NotEmpty(document.Elements("title").Single().Value);
        Assert.NotEmpty(document.Elements("desc").Single().Value);
    }

    [Fact]
    public void A_hostile_host_name_is_drawn_as_the_text_it_is()
    {
        var svg = ResponseTimeChart.Build("c", Rows(FiguresSamples.Group(Hostile)), Milestone.Acknowledge, TimeLabels);

        var labels = XElement.Parse(svg.Markup).Descendants("text").Where(t => (string?)t.Attribute("class") == "chart-label").ToList();
        Assert.Equal(Hostile, Assert.Single(labels).Nodes().OfType<XText>().Single().Value);
        Assert.Equal("isolate", (string)labels[0].Attribute("unicode-bidi")!);
        Assert.Contains("&lt;script&gt;", svg.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_very_long_name_is_shortened_in_the_drawing_and_whole_in_its_tooltip()
    {
        var name = string.Concat(Enumerable.Repeat("segment-", 40));
        var svg = AcknowledgementChart.Build("c", Rows(FiguresSamples.Group(name)), AckLabels);

        var label = XElement.Parse(svg.Markup).Descendants("text").Single(t => (string?)t.Attribute("class") == "chart-label");
        Assert.Equal(ChartLayout.LabelCharacters, label.Nodes().OfType<XText>().Single().Value.Length);
        Assert.Equal(name, label.Element("title")!.Value);
    }

    [Fact]
    public void Withheld_times_and_shares_are_said_in_words_and_draw_no_bar()
    {
        var withheld = FiguresSamples.Group("hub-w", medianAck: null, p90Ack: null, share: null, ackCount: null);
        var times = XElement.Parse(ResponseTimeChart.Build("t", Rows(withheld), Milestone.Acknowledge, TimeLabels).Markup);
        var shares = XElement.Parse(AcknowledgementChart.Build("a", Rows(withheld), AckLabels).Markup);

        Assert.DoesNotContain(times.Descendants("rect"), r => (string?)r.Attribute("class") == "chart-median" && r.Element("title") is not null);
        Assert.Contains(times.Descendants("text"), t => t.Value == "withheld");
        Assert.DoesNotContain(shares.Descendants("rect"), r => r.Element("title") is not null);
        Assert.Contains(shares.Descendants("text"), t => t.Value == "withheld");

        var none = XElement.Parse(ResponseTimeChart.Build("n", Rows(withheld), Milestone.Notify, TimeLabels).Markup);
        Assert.Contains(none.Descendants("text"), t => t.Value == "none yet");
    }

    [Fact]
    public void Bars_are_in_proportion_median_to_the_longest_90th_percentile_and_share_to_the_width()
    {
        var rows = Rows(FiguresSamples.Group("slow", reports: 40, medianAck: 86_400, p90Ack: 4 * 86_400, share: 0.25), FiguresSamples.Group("fast", medianAck: 3600, p90Ack: 7200));
        var times = XElement.Parse(ResponseTimeChart.Build("t", rows, Milestone.Acknowledge, TimeLabels).Markup);
        var bars = times.Descendants("rect").Where(r => r.Element("title") is not null).Select(r => double.Parse((string)r.Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, bars.Count);
        Assert.Equal(24, bars[0] / bars[1], 1);

        var shares = XElement.Parse(AcknowledgementChart.Build("a", rows, AckLabels).Markup);
        var within = shares.Descendants("rect").First(r => (string?)r.Attribute("class") == "chart-within" && r.Element("title") is not null);
        Assert.Equal(ChartLayout.PlotWidth * 0.25, double.Parse((string)within.Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture), 1);
        Assert.Contains(shares.Descendants("text"), t => t.Value == "25% in time");
    }

    [Fact]
    public void At_most_the_first_rows_are_drawn()
    {
        var many = Enumerable.Range(0, 50).Select(i => FiguresSamples.Group($"host-{i:00}", reports: 100 - i)).ToArray();
        var svg = XElement.Parse(AcknowledgementChart.Build("a", Rows(many), AckLabels).Markup);

        Assert.Equal(ChartLayout.MaxRows, svg.Descendants("text").Count(t => (string?)t.Attribute("class") == "chart-label"));
    }

    [Fact]
    public void Empty_figures_still_make_a_valid_chart()
    {
        foreach (var chart in new[] { "times", "acknowledgement", "timeline" })
        {
            Assert.Equal("svg", XElement.Parse(Build(chart).Markup).Name.LocalName);
        }

        var empty = CategoryTimelineChart.Build("e", CategoryTimeline.Build([]), TimelineLabels);
        Assert.Equal("svg", XElement.Parse(empty.Markup).Name.LocalName);
    }

    [Fact]
    public void The_timeline_stacks_the_largest_categories_marks_withheld_months_and_unavailable_ones()
    {
        var january = FiguresSamples.Figures(FiguresSamples.Group("a", byCategory: new Dictionary<string, long?> { ["hate"] = 10, ["privacy"] = null }));
        var february = FiguresSamples.Figures(FiguresSamples.Group("a", byCategory: new Dictionary<string, long?> { ["hate"] = 5, ["privacy"] = 20 }));
        var timeline = CategoryTimeline.Build([("2026-01", january), ("2026-02", february), ("2026-03", null)]);

        var svg = XElement.Parse(CategoryTimelineChart.Build("c", timeline, TimelineLabels).Markup);

        var segments = svg.Descendants("rect").Where(r => r.Element("title") is not null).Select(r => r.Element("title")!.Value).ToList();
        Assert.Equal(["2026-01, Label of hate: 10", "2026-02, Label of privacy: 20", "2026-02, Label of hate: 5"], segments);
        Assert.Contains(svg.Descendants("text"), t => t.Nodes().OfType<XText>().Any(n => n.Value == "+") && t.Element("title")!.Value == "2026-01: some counts withheld");
        Assert.Contains(svg.Descendants("text"), t => t.Nodes().OfType<XText>().Any(n => n.Value == "?") && t.Element("title")!.Value == "2026-03: unavailable");
        Assert.Contains(svg.Descendants("text"), t => t.Value == "All other categories");
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(7, 8, 2)]
    [InlineData(23, 25, 5)]
    [InlineData(1234, 1500, 500)]
    public void Count_axes_end_on_a_round_number(double max, double end, double step)
    {
        Assert.Equal(new AxisScale(end, step), AxisScale.ForCounts(max));
    }

    [Theory]
    [InlineData(200, 240, 60)]
    [InlineData(3 * 3600 + 1, 4 * 3600, 3600)]
    [InlineData(9 * 86400, 10 * 86400, 2 * 86400)]
    public void Time_axes_step_in_round_durations(double max, double end, double step)
    {
        Assert.Equal(new AxisScale(end, step), AxisScale.ForSeconds(max));
    }

    [Fact]
    public void Text_that_XML_cannot_hold_becomes_a_replacement_character()
    {
        Assert.Equal("a\uFFFDb\uFFFDc😀", SvgCanvas.Clean("a\u0001b" + (char)0xDC00 + "c😀"));
    }

    private static IReadOnlyList<GroupRow> Rows(params PublishedGroup[] groups) => FiguresView.Of(FiguresSamples.Figures(groups), byModel: false).Rows;

    private static SvgMarkup Build(string chart, params PublishedGroup[] groups) => chart switch
    {
        "times" => ResponseTimeChart.Build("times", Rows(groups), Milestone.Acknowledge, TimeLabels),
        "acknowledgement" => AcknowledgementChart.Build("ack", Rows(groups), AckLabels),
        // Category codes come from Triage, not reporters, but are escaped all the same.
        _ => CategoryTimelineChart.Build("timeline", CategoryTimeline.Build([("2026-01", FiguresSamples.Figures(
            [.. groups, FiguresSamples.Group("c", byCategory: new Dictionary<string, long?> { [Hostile] = 50, ["\u202Ecode"] = 40 })]))]), TimelineLabels),
    };
}
