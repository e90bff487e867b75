namespace SafetyReports.Intake.Domain;

public enum SubmissionOutcomeKind
{
    Accepted,
    Replayed,
    IdempotencyKeyReused,
}

public sealed record SubmissionOutcome(SubmissionOutcomeKind Kind, SubmissionReceipt? Receipt = null);
