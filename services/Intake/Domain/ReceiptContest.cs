using System.Text.Json.Serialization;

namespace SafetyReports.Intake.Domain;

/// <summary>
/// The reporter contested one revision of the host's response. The reason itself went to the maintainers and is not
/// kept on the receipt; the maintainers' closing note is, since it is written for the reporter.
/// </summary>
public sealed record ReceiptContest(
    Guid Id,
    string HostId,
    int ResponseRevision,
    DateTimeOffset ContestedAt,
    DateTimeOffset? ForwardedAt = null,
    DateTimeOffset? ClosedAt = null,
    string? PublicNote = null)
{
    /// <summary>Follows from the times, so a late or repeated event can never move a contest back.</summary>
    [JsonIgnore]
    public string State => ClosedAt is not null ? ContestStates.Closed
        : ForwardedAt is not null ? ContestStates.Forwarded
        : ContestStates.Pending;
}
