namespace SafetyReports.Triage.Domain;

/// <summary>The mails a reporter who opted in gets (docs/triage.md, "Mails to the reporter").</summary>
public enum ReporterMailKind
{
    /// <summary>The maintainers asked for more information (the report moved to <c>needs_info</c>).</summary>
    NeedsInfo,

    /// <summary>The maintainers confirmed the report (it moved to <c>triaged</c>).</summary>
    Triaged,

    /// <summary>The host gave or revised its statement of reasons.</summary>
    HostResponded,

    /// <summary>The report was closed: resolved, rejected or a duplicate.</summary>
    Closed,
}
