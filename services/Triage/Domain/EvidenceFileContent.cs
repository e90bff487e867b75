namespace SafetyReports.Triage.Domain;

/// <summary>
/// The bytes of one of a report's evidence files, pulled from Intake and checked against the report's record
/// (<see cref="Report.EvidenceFiles"/>), stored with the report in the same transaction.
/// </summary>
public sealed record EvidenceFileContent(Guid Id, byte[] Content);
