namespace SafetyReports.Triage.Disclosure;

/// <summary>A position in a time-ordered walk of reports (a keyset: the time, then the id to break ties).</summary>
public sealed record DisclosureCursor(DateTimeOffset At, Guid Id);
