using SafetyReports.Triage.Transparency.Sealing;

namespace SafetyReports.Triage.Transparency;

/// <summary>
/// The errata of a period as CSV (RFC 4180), one row per correction in the order the API lists them: month, when it was
/// recorded, host (empty: a figure of the whole answer, such as <c>held</c>), model (empty: a hosts answer's erratum),
/// figure, the value published before and the value now. A value is a number, <c>withheld</c>, or empty when the host or
/// model was not listed. Escaped as <see cref="TransparencyCsv"/> escapes.
/// </summary>
public static class ErrataCsv
{
    public static IReadOnlyList<string> Header { get; } = ["month", "recorded_at", "host", "model", "figure", "old", "new"];

    public static string Write(IEnumerable<ErratumView> errata)
    {
        var builder = new StringBuilder();
        builder.AppendJoin(',', Header).Append("\r\n");
        foreach (var e in errata)
        {
            string[] row = [e.Month, TransparencyCsv.Timestamp(e.RecordedAt), e.Host ?? "", e.Model ?? "", e.Figure, e.Old ?? "", e.New ?? ""];
            builder.AppendJoin(',', row.Select(TransparencyCsv.Escape)).Append("\r\n");
        }

        return builder.ToString();
    }
}
