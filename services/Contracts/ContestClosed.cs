namespace SafetyReports.Contracts;

/// <summary>The maintainers closed a reporter's contest with a note the reporter sees on their status page.</summary>
public sealed record ContestClosed(Guid ReportId, Guid ContestId, string PublicNote, DateTimeOffset ClosedAt);
