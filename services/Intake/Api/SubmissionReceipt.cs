namespace SafetyReports.Intake.Api;

/// <summary>The 202 body: the status token is shown here once and stored only as a hash.</summary>
public sealed record SubmissionReceipt(Guid Id, string StatusToken, string Status);
