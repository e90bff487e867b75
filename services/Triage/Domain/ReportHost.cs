namespace SafetyReports.Triage.Domain;

/// <summary>
/// A host other than the report's own that the report reached because it serves a copy of the model (Notification's
/// <see cref="ReportReachedHost"/>), with that host's own progress; the report's own host is the report's fields
/// (<see cref="Report.HostNotifiedAt"/>, <see cref="Report.AcknowledgedAt"/>, <see cref="Report.HostResponse"/>).
/// </summary>
/// <param name="Via">How the copy was found: <c>digest</c>, <c>alias</c>, <c>reupload</c> or <c>maintainers</c>.</param>
/// <param name="ResponseAction">The action of the host's latest statement of reasons; <paramref name="ResponseRevision"/> its revision.</param>
public sealed record ReportHost(
    string HostId,
    string ModelId,
    string Via,
    IReadOnlyList<string> SharedDigests,
    DateTimeOffset ReachedAt,
    DateTimeOffset? NotifiedAt = null,
    DateTimeOffset? AcknowledgedAt = null,
    DateTimeOffset? RespondedAt = null,
    string? ResponseAction = null,
    int ResponseRevision = 0);

/// <summary>
/// A re-upload of the reported model: a host published a manifest sharing digests with the report after it was told to the
/// hosts (Notification's <see cref="ModelReuploadDetected"/>). <paramref name="HostNotified"/>: Notification told the host at once
/// (the report was open); otherwise the maintainers may send it (<paramref name="SharedAt"/>).
/// </summary>
public sealed record ModelReupload(
    string HostId,
    string ModelId,
    IReadOnlyList<string> SharedDigests,
    string ReportStatus,
    bool HostNotified,
    DateTimeOffset DetectedAt,
    DateTimeOffset? SharedAt = null,
    string? SharedBy = null);
