using SafetyReports.Triage.Transparency;

namespace SafetyReports.UnitTests.Triage.Transparency;

public class TransparencyCsvTests
{
    private static GroupFigures Group(string host, string? model) =>
        TransparencyCalculator.Compute(host, model, new CounterTally(), 5);

    [Fact]
    public void Names_are_quoted_and_cannot_become_spreadsheet_formulas()
    {
        var figures = new TransparencyFigures(DateTimeOffset.UnixEpoch, "2026-01", "2026-02", 5, 3600, new AuditPoint(42, "ab12"),
            [Group("=HYPERLINK(\"x\")", "a,b"), Group("plain", "line\nbreak")]);
        var lines = TransparencyCsv.Write(figures).Split("\r\n");
        Assert.Equal(TransparencyCsv.Header().Count(), lines[0].Split(',').Length);
        Assert.StartsWith("2026-01,2026-02,1970-01-01T00:00:00.000Z,42,ab12,\"'=HYPERLINK(\"\"x\"\")\",\"a,b\",0,0,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2026-01,2026-02,1970-01-01T00:00:00.000Z,42,ab12,plain,\"line\nbreak\",", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_row_ends_with_the_held_count_the_seal_and_the_number_of_errata()
    {
        var sealedAt = new DateTimeOffset(2026, 4, 8, 0, 5, 0, 120, TimeSpan.Zero);
        var erratum = new ErratumView("2026-03", sealedAt.AddDays(3), "hub", "triaged", "10", "11");
        var figures = new TransparencyFigures(DateTimeOffset.UnixEpoch, "2026-03", "2026-03", 5, 3600, null, [Group("a", null), Group("b", null)],
            Held: 17, SealedAt: sealedAt, Errata: [erratum, erratum with { Figure = "reports" }]);

        var lines = TransparencyCsv.Write(figures).Split("\r\n");

        Assert.EndsWith(",held,sealed_at,errata", lines[0], StringComparison.Ordinal);
        Assert.All(lines[1..3], l => Assert.EndsWith(",17,2026-04-08T00:05:00.120Z,2", l, StringComparison.Ordinal));
        Assert.EndsWith(",0,,0", TransparencyCsv.Write(figures with { Held = 0, SealedAt = null, Errata = null }).Split("\r\n")[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Errata_are_one_row_each_with_empty_cells_for_no_host_no_model_and_not_listed()
    {
        var at = new DateTimeOffset(2026, 4, 29, 10, 0, 0, TimeSpan.Zero);
        var csv = ErrataCsv.Write(
        [
            new ErratumView("2026-03", at, "=evil,host", "triaged", "10", "withheld"),
            new ErratumView("2026-03", at, null, "held", "0", "3"),
            new ErratumView("2026-03", at, "hub", "reports", null, "12", Model: "org/m"),
        ]);

        Assert.Equal(
            "month,recorded_at,host,model,figure,old,new\r\n"
            + "2026-03,2026-04-29T10:00:00.000Z,\"'=evil,host\",,triaged,10,withheld\r\n"
            + "2026-03,2026-04-29T10:00:00.000Z,,,held,0,3\r\n"
            + "2026-03,2026-04-29T10:00:00.000Z,hub,org/m,reports,,12\r\n",
            csv);
    }
}
