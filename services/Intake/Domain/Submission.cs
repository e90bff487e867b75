using SafetyReports.Contracts;

namespace SafetyReports.Intake.Domain;

/// <summary>A stored submission waiting for Triage to confirm it; <see cref="Payload"/> is what gets handed over.</summary>
public sealed record Submission(Guid Id, DateTimeOffset ReceivedAt, string TokenHash, ReportSubmitted Payload);
