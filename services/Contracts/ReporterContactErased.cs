namespace SafetyReports.Contracts;

/// <summary>
/// The reporter asked, with their status token, for their contact data to be erased. Carries no contact:
/// Triage removes what it holds for <paramref name="ReportId"/>; applying it twice changes nothing.
/// </summary>
public sealed record ReporterContactErased(Guid ReportId, DateTimeOffset ErasedAt);
