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
}
