using System.Text.Json;
using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;

namespace SafetyReports.UnitTests.Triage;

/// <summary>Maintainers share an evidence file with the host or stop: the notice names its record only, and follows every change.</summary>
public class EvidenceFileSharingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly EvidenceFileReference Photo = new(Guid.NewGuid(), "photo.jpg", "image/jpeg", 1200, new string('a', 64), new string('b', 64));
    private static readonly EvidenceFileReference Log = new(Guid.NewGuid(), "chat.jsonl", "application/jsonl", 80, new string('c', 64), new string('c', 64));

    private static Report Received() => ReportWorkflowTests.NewReport(ReportStatuses.Received, "high") with { EvidenceFiles = [Photo, Log] };

    private static Report Triaged(Report report) =>
        ReportWorkflow.Apply(report, new TransitionRequest(ReportStatuses.Triaged, null, null, null, null, null, report.Version, null), "ana", Now).Report!;

    private static WorkflowOutcome Share(Report report, Guid fileId, bool? shared, long? version = null) =>
        EvidenceFileSharing.Apply(report, fileId, new FileSharingRequest(shared, version ?? report.Version), "bo", Now);

    private static JsonElement Data(WorkflowOutcome outcome) => JsonDocument.Parse(outcome.Audit!.Data).RootElement;

    [Fact]
    public void Nothing_is_shared_unless_a_maintainer_shares_it_and_a_choice_before_triage_waits_for_the_first_notice()
    {
        var report = Received();
        var untouched = Triaged(report);
        Assert.Empty(NoticeContent.Of(untouched)!.Files!);

        var outcome = Share(report, Log.Id, true);

        Assert.Equal(WorkflowOutcomeKind.Applied, outcome.Kind);
        Assert.Equal([Log.Id], outcome.Report!.SharedFiles);
        Assert.Null(outcome.Messages);
        Assert.Equal((EvidenceFileSharing.SharedAction, "bo", report.Version + 1), (outcome.Audit!.Action, outcome.Audit.Actor, outcome.Report.Version));
        Assert.Equal(Log.Id, Data(outcome).GetProperty("fileId").GetGuid());
        Assert.Equal(JsonValueKind.Null, Data(outcome).GetProperty("noticeRevision").ValueKind);
        Assert.False(EvidenceFileSharing.SharedWithHost(outcome.Report, Log.Id));

        var triaged = Triaged(outcome.Report);
        Assert.Equal([new SharedEvidenceFile(Log.Id, Log.Name, Log.MediaType, Log.Size, Log.Sha256)], NoticeContent.Of(triaged)!.Files!);
        Assert.True(EvidenceFileSharing.SharedWithHost(triaged, Log.Id));
        Assert.False(EvidenceFileSharing.SharedWithHost(triaged, Photo.Id));
    }

    [Fact]
    public void After_triage_each_change_moves_the_notice_on_and_lists_the_files_in_the_report_order()
    {
        var triaged = Triaged(Received());
        var log = Share(triaged, Log.Id, true);
        var both = Share(log.Report!, Photo.Id, true);

        var notice = Assert.IsType<ReportNoticeShared>(Assert.Single(both.Messages!));
        Assert.Equal(triaged.Notice!.Revision + 2, notice.Revision);
        Assert.Equal([Photo.Id, Log.Id], notice.Files!.Select(f => f.Id));
        Assert.Equal(notice.Revision, Data(both).GetProperty("noticeRevision").GetInt32());

        var unshared = Share(both.Report!, Photo.Id, false);
        Assert.Equal(EvidenceFileSharing.UnsharedAction, unshared.Audit!.Action);
        Assert.Equal([Log.Id], Assert.IsType<ReportNoticeShared>(Assert.Single(unshared.Messages!)).Files!.Select(f => f.Id));
        Assert.False(EvidenceFileSharing.SharedWithHost(unshared.Report!, Photo.Id));
    }

    [Fact]
    public void The_same_choice_changes_nothing_and_bad_requests_are_refused()
    {
        var report = Received();
        Assert.Equal(WorkflowOutcomeKind.Unchanged, Share(report, Log.Id, false).Kind);
        Assert.Equal(WorkflowOutcomeKind.NotFound, Share(report, Guid.NewGuid(), true).Kind);
        Assert.Contains("shared", Share(report, Log.Id, null).Errors!.Keys);
        Assert.Contains("expectedVersion", EvidenceFileSharing.Apply(report, Log.Id, new FileSharingRequest(true, null), "bo", Now).Errors!.Keys);
        Assert.Equal(WorkflowOutcomeKind.Conflict, Share(report, Log.Id, true, report.Version - 1).Kind);
    }

    [Fact]
    public void A_redacted_file_leaves_the_shared_files_and_the_notice()
    {
        var triaged = Triaged(Received());
        var shared = Share(triaged, Log.Id, true).Report!;

        var redacted = ReportRedaction.Apply(shared, new RedactionRequest(null, [$"files/{Log.Id}"], shared.Version), "admin", Now);

        Assert.Empty(redacted.Report!.SharedFiles);
        Assert.Empty(Assert.IsType<ReportNoticeShared>(Assert.Single(redacted.Messages!)).Files!);
    }

    [Fact]
    public void A_download_is_an_entry_of_its_own_naming_the_file_only()
    {
        var reportId = Guid.NewGuid();
        var entry = EvidenceFileDownloads.Record(reportId, Log.Id, "host:hub-a", Now);

        Assert.Equal(new AuditDraft(reportId, Now, "host:hub-a", "file_downloaded", $$"""{"fileId":"{{Log.Id}}"}"""), entry);
    }
}
