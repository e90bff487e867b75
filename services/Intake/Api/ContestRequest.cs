namespace SafetyReports.Intake.Api;

public sealed record ContestRequest(string? Reason);
