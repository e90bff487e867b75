namespace SafetyReports.Triage.Domain;

/// <summary>
/// A reporter's contest of the host's response (revision <see cref="ResponseRevision"/>): <c>open</c> until the maintainers
/// forward it to the host (<see cref="ForwardedReason"/> is the reason as forwarded, <see cref="ForwardNote"/> theirs) or
/// close it with a note the reporter sees (<see cref="PublicNote"/>); a forwarded contest can still be closed.
/// </summary>
public sealed record ReportContest(
    Guid Id,
    string HostId,
    int ResponseRevision,
    string Reason,
    DateTimeOffset ContestedAt,
    string State,
    DateTimeOffset? ForwardedAt = null,
    string? ForwardedReason = null,
    string? ForwardNote = null,
    DateTimeOffset? ClosedAt = null,
    string? PublicNote = null);

public static class ContestStates
{
    public const string Open = "open";
    public const string Forwarded = "forwarded";
    public const string Closed = "closed";
}

/// <summary><c>POST /reports/{id}/contests/{contestId}/forward</c>: the reason as forwarded (default: the reporter's) and a note.</summary>
public sealed record ContestForwardRequest(string? Reason, string? Note, long? ExpectedVersion);

/// <summary><c>POST /reports/{id}/contests/{contestId}/close</c>: the note the reporter sees with the closed contest.</summary>
public sealed record ContestCloseRequest(string? PublicNote, long? ExpectedVersion);
