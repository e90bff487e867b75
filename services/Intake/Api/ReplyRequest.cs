namespace SafetyReports.Intake.Api;

public sealed record ReplyRequest(string? Message);
