namespace SafetyReports.Intake.Domain;

/// <param name="Contest">The contest as recorded, when <see cref="Outcome"/> is <see cref="ContestOutcome.Accepted"/>.</param>
public sealed record ContestResult(ContestOutcome Outcome, ReceiptContest? Contest = null);
