using SafetyReports.Intake.Storage;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.Triage.Storage;

namespace SafetyReports.IntegrationTests.Intake;

/// <summary>
/// Where a report's evidence files are while the hand-over runs beside the tests: in Intake until Triage confirms it stored
/// them, in Triage after. Intake deletes its copy only after Triage committed its own, so reading Intake first and then
/// Triage always finds a file.
/// </summary>
internal static class EvidenceStores
{
    /// <summary>The files recorded on Intake's submissions (records stay after the bytes moved to Triage): what the submissions stored.</summary>
    public static long RecordedFiles(StandaloneSystem system) =>
        StoreInspector.Count(system.DataDirectory, SubmissionStoreFactory.SqliteFileName, table: "submissions, json_each(submissions.evidence_files)");

    public static async Task<byte[]?> ReadAsync(StandaloneSystem system, Guid reportId, Guid fileId) =>
        await system.Get<ISubmissionStore>().ReadEvidenceFileAsync(reportId, fileId, TestContext.Current.CancellationToken)
        ?? await system.Get<ITriageStore>().ReadEvidenceFileAsync(reportId, fileId, TestContext.Current.CancellationToken);

    public static long HeldByIntake(StandaloneSystem system, Guid reportId) =>
        StoreInspector.Count(system.DataDirectory, SubmissionStoreFactory.SqliteFileName, $"report_id = '{reportId}'", "evidence_files");

    public static long HeldByTriage(StandaloneSystem system, Guid reportId) =>
        StoreInspector.Count(system.DataDirectory, TriageStoreFactory.SqliteFileName, $"report_id = '{reportId}'", "evidence_files");
}
