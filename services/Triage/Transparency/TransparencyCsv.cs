namespace SafetyReports.Triage.Transparency;

/// <summary>
/// The figures as CSV (RFC 4180): a header row, then one row per host or model with every figure in its own
/// column. A withheld cell is empty; times are in seconds; the period, the moment and the audit point are in
/// every row so a row copied elsewhere still says what it covers and can be recomputed from an export. Columns added later
/// come last (responded, contested, contested_share; then held, sealed_at, errata), so a reader that counts columns keeps working.
/// The answer's own figures are repeated in every row like the period: <c>held</c> (reports of the period held out as a
/// burst), <c>sealed_at</c> (empty: provisional) and <c>errata</c> (how many corrections the answer has; they are listed by
/// <see cref="ErrataCsv"/>, <c>GET /api/v1/transparency/errata</c>), so the file needs no second section.
/// </summary>
public static class TransparencyCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static string Write(TransparencyFigures figures)
    {
        var builder = new StringBuilder();
        builder.AppendJoin(',', Header()).Append("\r\n");
        foreach (var group in figures.Groups)
        {
            builder.AppendJoin(',', Row(figures, group).Select(Escape)).Append("\r\n");
        }

        return builder.ToString();
    }

    public static IEnumerable<string> Header()
    {
        string[] fixedColumns = ["from", "to", "as_of", "audit_sequence", "audit_hash", "host", "model", "reports", "triaged"];
        return fixedColumns
            .Concat(ReportStatuses.All.Select(s => $"status_{s}"))
            .Concat(HazardTaxonomy.Categories.Select(c => $"category_{c.Code}"))
            .Concat(HostResponseActions.All.Select(a => $"action_{a}"))
            .Append("automated_responses")
            .Concat(TransparencyMetrics.All.SelectMany(m => new[] { $"{Snake(m)}_count", $"{Snake(m)}_median_seconds", $"{Snake(m)}_p90_seconds" }))
            .Concat(["ack_notified", "ack_within_sla", "ack_late", "ack_overdue", "ack_pending", "ack_share_within_sla", "open"])
            .Concat(OpenAgeBands.All.Select(b => $"open_{b.Name}"))
            .Concat(["responded", "contested", "contested_share"])
            .Concat(["held", "sealed_at", "errata"]);
    }

    private static IEnumerable<string> Row(TransparencyFigures figures, GroupFigures group)
    {
        yield return figures.From;
        yield return figures.To;
        yield return Timestamp(figures.AsOf);
        yield return Number(figures.Audit?.Sequence);
        yield return figures.Audit?.Hash ?? "";
        yield return group.Host;
        yield return group.Model ?? "";
        yield return Number(group.Reports);
        yield return Number(group.Triaged);
        foreach (var status in ReportStatuses.All)
        {
            yield return Number(group.ByStatus.GetValueOrDefault(status));
        }

        foreach (var category in HazardTaxonomy.Categories)
        {
            yield return Number(group.ByCategory.GetValueOrDefault(category.Code));
        }

        foreach (var action in HostResponseActions.All)
        {
            yield return Number(group.Actions.GetValueOrDefault(action));
        }

        yield return Number(group.AutomatedResponses);
        foreach (var time in new[] { group.TimeToTriage, group.TimeToNotify, group.TimeToAcknowledge, group.TimeToRespond })
        {
            yield return Number(time.Count);
            yield return Number(time.MedianSeconds);
            yield return Number(time.P90Seconds);
        }

        var ack = group.Acknowledgement;
        yield return Number(ack.Notified);
        yield return Number(ack.WithinSla);
        yield return Number(ack.Late);
        yield return Number(ack.Overdue);
        yield return Number(ack.Pending);
        yield return Share(ack.ShareWithinSla);
        yield return Number(group.Open);
        foreach (var band in OpenAgeBands.All)
        {
            yield return Number(group.OpenByAge.GetValueOrDefault(band.Name));
        }

        yield return Number(group.Responded);
        yield return Number(group.Contested);
        yield return Share(group.ContestedShare);
        yield return Number(figures.Held);
        yield return figures.SealedAt is { } sealedAt ? Timestamp(sealedAt) : "";
        yield return Number(figures.Errata?.Count ?? 0);
    }

    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static string Snake(TransparencyMetric metric) => metric switch
    {
        TransparencyMetric.TimeToTriage => "time_to_triage",
        TransparencyMetric.TimeToNotify => "time_to_notify",
        TransparencyMetric.TimeToAcknowledge => "time_to_acknowledge",
        _ => "time_to_respond",
    };

    private static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Share(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Quotes a field with a comma, quote or line break; a leading =, +, - or @ is prefixed with ' so a spreadsheet never runs a name as a formula.</summary>
    public static string Escape(string field)
    {
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            field = "'" + field;
        }

        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
    }
}
