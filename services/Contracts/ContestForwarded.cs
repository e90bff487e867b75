namespace SafetyReports.Contracts;

/// <summary>
/// The maintainers forwarded a reporter's contest to the host. <paramref name="Reason"/> is the reporter's reason as the
/// maintainers forward it (they may shorten it, e.g. to remove personal data); <paramref name="Note"/> is theirs.
/// </summary>
public sealed record ContestForwarded(
    Guid ReportId,
    Guid ContestId,
    string HostId,
    int ResponseRevision,
    string Reason,
    string? Note,
    DateTimeOffset ContestedAt,
    DateTimeOffset ForwardedAt);
