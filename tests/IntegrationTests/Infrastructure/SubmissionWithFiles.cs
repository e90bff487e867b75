namespace SafetyReports.IntegrationTests.Infrastructure;

/// <summary>A report the load tests submit as <c>multipart/form-data</c> with evidence files, instead of plain JSON.</summary>
public sealed record SubmissionWithFiles(object Report, IReadOnlyList<(string Name, byte[] Content)> Files);
