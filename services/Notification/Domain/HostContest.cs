namespace SafetyReports.Notification.Domain;

/// <summary>
/// A reporter's contest of the host's response that the maintainers forwarded to the host. Recorded once per
/// <see cref="Id"/> (one per report, host and response revision): a repeated message changes nothing.
/// </summary>
/// <param name="Reason">The reporter's reason as the maintainers forwarded it.</param>
/// <param name="Note">The maintainers' own note to the host.</param>
public sealed record HostContest(
    Guid Id,
    Guid ReportId,
    string HostId,
    int ResponseRevision,
    string Reason,
    string? Note,
    DateTimeOffset ContestedAt,
    DateTimeOffset ForwardedAt)
{
    public static HostContest From(ContestForwarded forwarded) => new(
        forwarded.ContestId, forwarded.ReportId, forwarded.HostId, forwarded.ResponseRevision, forwarded.Reason, forwarded.Note,
        StoredTime.Of(forwarded.ContestedAt), StoredTime.Of(forwarded.ForwardedAt));
}
