namespace SafetyReports.Contracts;

/// <summary>
/// The reporter contested the host's response (revision <paramref name="ResponseRevision"/>) with their status token.
/// A reporter may contest each response once: <paramref name="ContestId"/> derives from the report, the host and the
/// revision (<see cref="ContestIds.For"/>), so a repeated message is recorded once.
/// </summary>
public sealed record ReporterContested(
    Guid ReportId,
    Guid ContestId,
    string HostId,
    int ResponseRevision,
    string Reason,
    DateTimeOffset ContestedAt);
