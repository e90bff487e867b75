namespace SafetyReports.Notification.Storage;

/// <summary>What the maintainers share with a host about a report beyond its status: the notice, the contests they forward, the thread.</summary>
public interface IHostLoopStore
{
    /// <summary>
    /// Keeps <paramref name="notice"/> as its report's notice if its revision is higher than the one kept (or none is),
    /// with <paramref name="deliveries"/> in the same transaction; otherwise writes nothing. Independent of the route.
    /// A replaced notice leaves no trace in the store's files where the adapter can promise it (SQLite).
    /// </summary>
    Task<NoticeWrite> SaveNoticeAsync(HostNotice notice, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken);

    /// <summary>The notices kept for these reports (those that have one).</summary>
    Task<IReadOnlyList<HostNotice>> GetNoticesAsync(IReadOnlyCollection<Guid> reportIds, CancellationToken cancellationToken);

    /// <summary>Records a forwarded contest and its deliveries in one transaction; false (nothing written) when its id is known.</summary>
    Task<bool> AddContestAsync(HostContest contest, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken);

    /// <summary>The forwarded contests of these reports, oldest first.</summary>
    Task<IReadOnlyList<HostContest>> GetContestsAsync(IReadOnlyCollection<Guid> reportIds, CancellationToken cancellationToken);

    /// <summary>
    /// Records a thread message with its deliveries and its announcement in one transaction; false (nothing written)
    /// when its id is known.
    /// </summary>
    Task<bool> AddMessageAsync(ThreadMessage message, IReadOnlyList<Delivery> deliveries, OutboxMessage? announcement, CancellationToken cancellationToken);

    /// <summary>The thread of a report with one host, oldest first.</summary>
    Task<IReadOnlyList<ThreadMessage>> GetMessagesAsync(Guid reportId, string hostId, CancellationToken cancellationToken);

    /// <summary>Keeps a log leaf of a host's part in a report; a leaf already kept for its report, host and action is left as it is.</summary>
    Task AddLogLeafAsync(HostLogLeaf leaf, CancellationToken cancellationToken);

    /// <summary>The log leaves kept for these reports (every host's; the reader picks the route's host).</summary>
    Task<IReadOnlyList<HostLogLeaf>> GetLogLeavesAsync(IReadOnlyCollection<Guid> reportIds, CancellationToken cancellationToken);
}
