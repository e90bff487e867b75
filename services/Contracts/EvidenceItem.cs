namespace SafetyReports.Contracts;

public sealed record EvidenceItem(string Kind, string Content);
