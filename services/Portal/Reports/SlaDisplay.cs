namespace SafetyReports.Portal.Reports;

public enum SlaKind
{
    /// <summary>No deadline to show: the report is no longer open for triage, or the API gave none.</summary>
    None,
    Due,
    Overdue,
}

/// <summary>A report's triage deadline as the queue and the report page show it.</summary>
public sealed record SlaState(SlaKind Kind, TimeSpan Amount, DateTimeOffset? Deadline)
{
    /// <summary>"3 d 4 h", "5 h 10 min", "12 min", "&lt; 1 min": short enough for a table cell, exact enough to sort by eye.</summary>
    public string AmountText => SlaDisplay.Duration(Amount);
}

/// <summary>
/// Whether a report is overdue, and by how much or how long is left. Triage decides the deadline; the API's
/// <c>overdue</c> flag wins when it is given, otherwise the clock of this page decides, for the statuses that
/// are still open for triage.
/// </summary>
public static class SlaDisplay
{
    public static readonly IReadOnlyList<string> OpenStatuses = [ReportStatuses.Received, ReportStatuses.Triaging, ReportStatuses.NeedsInfo];

    public static SlaState For(string status, DateTimeOffset? deadline, bool? overdue, DateTimeOffset now)
    {
        if (deadline is not { } due || !OpenStatuses.Contains(status))
        {
            return new SlaState(SlaKind.None, TimeSpan.Zero, deadline);
        }

        var late = overdue ?? now > due;
        return late
            ? new SlaState(SlaKind.Overdue, now > due ? now - due : TimeSpan.Zero, due)
            : new SlaState(SlaKind.Due, due > now ? due - now : TimeSpan.Zero, due);
    }

    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1))
        {
            return "< 1 min";
        }

        var c = CultureInfo.InvariantCulture;
        if (span.TotalDays >= 1)
        {
            return span.Hours == 0 ? string.Format(c, "{0} d", (int)span.TotalDays) : string.Format(c, "{0} d {1} h", (int)span.TotalDays, span.Hours);
        }

        if (span.TotalHours >= 1)
        {
            return span.Minutes == 0 ? string.Format(c, "{0} h", span.Hours) : string.Format(c, "{0} h {1} min", span.Hours, span.Minutes);
        }

        return string.Format(c, "{0} min", span.Minutes);
    }
}
