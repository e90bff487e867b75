namespace SafetyReports.Intake.Evidence;

/// <summary>A file as it arrived: the name the reporter gave it (shown, never used as a path) and its bytes.</summary>
public sealed record IncomingEvidenceFile(string Name, byte[] Content);
