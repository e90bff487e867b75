namespace SafetyReports.Intake.Storage;

/// <summary>Either the submission was stored, or an earlier request with the same idempotency key was.</summary>
public sealed record AddSubmissionResult(bool Added, IdempotencyRecord? Existing);
