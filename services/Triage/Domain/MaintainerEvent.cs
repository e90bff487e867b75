namespace SafetyReports.Triage.Domain;

/// <summary>What a maintainer can be written about (the choices of <see cref="MaintainerNotifications"/>).</summary>
public enum MaintainerEventKind
{
    NewReport,
    SlaBreach,
    ReporterAnswered,
    HostResponded,
    Contested,

    /// <summary>A host published a manifest matching the report's digests: a re-upload of the reported model.</summary>
    Reupload,
}

/// <summary>
/// One event about a report that maintainers may be written about.
/// </summary>
/// <param name="Key">Identifies the event itself (the report, the reply's id, the response's revision, the breached
/// deadline…): the same event seen twice has the same key, so it is mailed, or listed in a digest, once.</param>
public sealed record MaintainerEvent(MaintainerEventKind Kind, Guid ReportId, string Key, DateTimeOffset At)
{
    public static MaintainerEvent NewReport(Guid reportId, DateTimeOffset at) =>
        new(MaintainerEventKind.NewReport, reportId, $"new-report/{reportId:N}", at);

    public static MaintainerEvent SlaBreach(Guid reportId, DateTimeOffset deadline) =>
        new(MaintainerEventKind.SlaBreach, reportId, $"sla-breach/{reportId:N}/{deadline.ToUnixTimeMilliseconds()}", deadline);

    public static MaintainerEvent ReporterAnswered(Guid reportId, Guid messageId, DateTimeOffset at) =>
        new(MaintainerEventKind.ReporterAnswered, reportId, $"reporter-answered/{messageId:N}", at);

    public static MaintainerEvent HostResponded(Guid reportId, string hostId, int revision, DateTimeOffset at) =>
        new(MaintainerEventKind.HostResponded, reportId, $"host-responded/{reportId:N}/{hostId}/{revision}", at);

    public static MaintainerEvent Reupload(Guid reportId, string hostId, string modelId, DateTimeOffset at) =>
        new(MaintainerEventKind.Reupload, reportId, $"reupload/{reportId:N}/{hostId}/{modelId}", at);

    public static MaintainerEvent Contested(Guid reportId, Guid contestId, DateTimeOffset at) =>
        new(MaintainerEventKind.Contested, reportId, $"contested/{contestId:N}", at);
}

/// <summary>
/// An event kept for a maintainer's daily digest. Its id comes from the maintainer and the event's key, so an event seen
/// again is not listed again; <see cref="SentAt"/> marks it sent (kept a while after, for that reason).
/// </summary>
public sealed record MaintainerDigestItem(Guid Id, string Maintainer, MaintainerEventKind Kind, Guid ReportId, DateTimeOffset At, DateTimeOffset? SentAt = null);
