namespace SafetyReports.Contracts;

/// <summary>
/// A host published a manifest whose files match a report's digests, on a host the report had not reached: a re-upload of a
/// reported model. Notification tells the host at once when the report is open (<paramref name="HostNotified"/>); a closed
/// report reaches it only when the maintainers send it (<see cref="ReportSharedWithHost"/>). Published on every matching
/// manifest; Triage alerts the maintainers once per report, host and model.
/// </summary>
/// <param name="ReportStatus">The report's status as Notification last heard it.</param>
public sealed record ModelReuploadDetected(
    Guid ReportId,
    string HostId,
    string ModelId,
    IReadOnlyList<string> SharedDigests,
    string ReportStatus,
    bool HostNotified,
    DateTimeOffset At);
