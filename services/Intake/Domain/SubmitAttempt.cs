using SafetyReports.Intake.Evidence;

namespace SafetyReports.Intake.Domain;

/// <summary>
/// What became of a submission: the intake's answer, the gate's refusal (rate limit, proof of work), or the refusal of an
/// evidence file found only once images were decoded (<see cref="FileRefusal"/>); nothing stored on a refusal.
/// </summary>
public sealed record SubmitAttempt(SubmissionOutcome? Outcome, GateResult? Refusal, EvidenceFilesOutcome? FileRefusal = null);
