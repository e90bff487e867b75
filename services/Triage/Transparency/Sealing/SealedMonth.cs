namespace SafetyReports.Triage.Transparency.Sealing;

/// <summary>A month's public hosts figures as published when it was sealed (<see cref="SealedFigures"/>'s JSON), never changed after.</summary>
public sealed record SealedMonth(int Month, DateTimeOffset SealedAt, string Figures);
