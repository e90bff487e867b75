namespace SafetyReports.Intake.Domain;

/// <summary>What became of a submission: the intake's answer, or the gate's refusal (rate limit, proof of work) and nothing stored.</summary>
public sealed record SubmitAttempt(SubmissionOutcome? Outcome, GateResult? Refusal);
