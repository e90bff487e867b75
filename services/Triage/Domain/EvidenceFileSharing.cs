namespace SafetyReports.Triage.Domain;

/// <summary><c>PUT /reports/{id}/files/{fileId}/sharing</c>: whether the file goes to the host with the notice, and the version the maintainer saw.</summary>
public sealed record FileSharingRequest(bool? Shared, long? ExpectedVersion);

/// <summary>
/// Maintainers share an evidence file with the report's host, or stop sharing it. Nothing is shared unless they say so. The
/// file's record (name, type, size, SHA-256) goes into the notice; its bytes never travel with it: the host downloads them
/// through the host API, which asks Triage each time whether the file is still shared, so stopping takes the access away
/// at once. A report already triaged moves its notice to the next revision and shares it again; before the move to
/// <c>triaged</c> the choice waits for the first notice. Audited as <c>file_shared</c> / <c>file_unshared</c>
/// (the file's id and the notice's revision, never its name or hash).
/// </summary>
public static class EvidenceFileSharing
{
    public const string SharedAction = "file_shared";
    public const string UnsharedAction = "file_unshared";

    public static WorkflowOutcome Apply(Report report, Guid fileId, FileSharingRequest request, string actor, DateTimeOffset now)
    {
        if (report.EvidenceFiles.All(f => f.Id != fileId))
        {
            return new WorkflowOutcome(WorkflowOutcomeKind.NotFound, Detail: "No such evidence file on this report.");
        }

        var errors = new Dictionary<string, string[]>();
        if (request.Shared is null)
        {
            errors["shared"] = ["true to share the file with the host, false to stop sharing it."];
        }

        if (ExpectedVersion.Check(report, request.ExpectedVersion, errors) is { } refused)
        {
            return refused;
        }

        var shared = request.Shared!.Value;
        if (report.SharedFiles.Contains(fileId) == shared)
        {
            return new WorkflowOutcome(WorkflowOutcomeKind.Unchanged, report);
        }

        // Kept in the report's order of files, so the notice lists them as the report does.
        var sharedFiles = report.EvidenceFiles.Select(f => f.Id).Where(id => id == fileId ? shared : report.SharedFiles.Contains(id)).ToList();
        var changed = report with { SharedFiles = sharedFiles, Version = report.Version + 1, UpdatedAt = now };
        var (updated, notice) = ReportNotices.Reshare(report, changed, now);
        var data = JsonSerializer.Serialize(new { fileId, noticeRevision = notice?.Revision });
        return new WorkflowOutcome(WorkflowOutcomeKind.Applied, updated,
            new AuditDraft(report.Id, now, actor, shared ? SharedAction : UnsharedAction, data), Messages: notice is null ? null : [notice]);
    }

    /// <summary>Whether the host may download the file now: the report was triaged with a notice and the file is shared.</summary>
    public static bool SharedWithHost(Report report, Guid fileId) =>
        report is { TriagedAt: not null, Notice: not null } && report.SharedFiles.Contains(fileId) && report.EvidenceFiles.Any(f => f.Id == fileId);
}
