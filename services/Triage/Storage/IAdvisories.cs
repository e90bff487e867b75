namespace SafetyReports.Triage.Storage;

/// <summary>The published advisories (both Triage stores): one per report at most, never removed (withdrawing is a revision).</summary>
public interface IAdvisories
{
    Task<Advisory?> GetAdvisoryAsync(string id, CancellationToken cancellationToken);

    Task<Advisory?> GetReportAdvisoryAsync(Guid reportId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="advisory"/> with the audit entry <paramref name="audit"/> makes of the saved one, in one transaction.
    /// With <paramref name="expectedRevision"/> 0 it is new: the store allocates its id (<see cref="AdvisoryId"/>, the next number
    /// of the year it is published in, never one used before); null when the report has one already. Otherwise it replaces the
    /// advisory at that revision; null when it moved on. Either way <see cref="AdvisoryStamp.Apply"/> settles its modification time.
    /// </summary>
    Task<Advisory?> SaveAdvisoryAsync(Advisory advisory, int expectedRevision, Func<Advisory, AuditDraft> audit, CancellationToken cancellationToken);

    /// <summary>
    /// At most <paramref name="limit"/> advisories by modification: with <paramref name="changeFeed"/> oldest first after
    /// <paramref name="position"/>, else newest first before it.
    /// </summary>
    Task<IReadOnlyList<Advisory>> ListAdvisoriesAsync(AdvisoryCursor? position, bool changeFeed, int limit, CancellationToken cancellationToken);
}
