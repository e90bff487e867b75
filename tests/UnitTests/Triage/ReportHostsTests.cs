using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;
using static SafetyReports.Contracts.ReportStatuses;
using static SafetyReports.UnitTests.Contracts.FileDigestsTests;

namespace SafetyReports.UnitTests.Triage;

/// <summary>The hosts a report reached besides its own, re-uploads, and the maintainers' edit of a report's digests.</summary>
public class ReportHostsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private static Report Triaged_() => ReportWorkflowTests.NewReport(HostNotified, "high") with { TriagedAt = Now.AddDays(-1), Version = 4 };

    private static ReportReachedHost Reached(Report r) => new(r.Id, "mirror", "x/copy", "digest", [Digest('a')], Now);

    [Fact]
    public void A_copy_host_is_recorded_once_with_its_own_progress_and_the_reports_status_stays()
    {
        var report = Triaged_();
        var (reached, audit) = ReportHosts.Reach(report, Reached(report), Now)!.Value;

        Assert.Equal(new ReportHost("mirror", "x/copy", "digest", [Digest('a')], Now), Assert.Single(reached.Hosts), new HostComparer());
        Assert.Equal((ReportHosts.Reached, "host:mirror", report.Version + 1), (audit.Action, audit.Actor, reached.Version));
        Assert.Null(ReportHosts.Reach(reached, Reached(report), Now));
        Assert.Null(ReportHosts.Reach(report, Reached(report) with { HostId = "hub" }, Now));

        var (acknowledged, ackAudit) = ReportHosts.RecordAcknowledgement(reached, new HostAcknowledged(report.Id, "mirror", "seen", Now.AddHours(1)), Now)!.Value;
        Assert.Equal(Now.AddHours(1), acknowledged.Hosts[0].AcknowledgedAt);
        Assert.Equal((HostNotified, (DateTimeOffset?)null), (acknowledged.Status, acknowledged.AcknowledgedAt));
        Assert.Equal(ReportHosts.Acknowledged, ackAudit.Action);
        Assert.Null(ReportHosts.RecordAcknowledgement(acknowledged, new HostAcknowledged(report.Id, "mirror", null, Now.AddHours(2)), Now));

        var responded = new HostResponded(report.Id, "mirror", 1, "removed", null, null, "ToS", false, null, Now.AddHours(3));
        var (answered, _) = ReportHosts.RecordResponse(acknowledged, responded, Now)!.Value;
        Assert.Equal(("removed", 1), (answered.Hosts[0].ResponseAction, answered.Hosts[0].ResponseRevision));
        Assert.Null(answered.HostResponse);
        Assert.Null(ReportHosts.RecordResponse(answered, responded, Now));
        Assert.Null(ReportHosts.RecordAcknowledgement(report, new HostAcknowledged(report.Id, "unknown", null, Now), Now));
    }

    [Fact]
    public void A_copy_hosts_fact_that_arrives_before_the_host_is_recorded_waits_instead_of_being_dropped()
    {
        var report = Triaged_();
        var (reached, _) = ReportHosts.Reach(report, Reached(report), Now)!.Value;

        var early = Assert.Throws<CopyHostNotYetRecordedException>(() => ReportHosts.EnsureRecorded(report, "mirror"));
        Assert.Contains("mirror", early.Message, StringComparison.Ordinal);
        ReportHosts.EnsureRecorded(reached, "mirror");
        ReportHosts.EnsureRecorded(report, report.Model.Host);
    }

    [Fact]
    public void A_report_has_reached_the_host_it_names_and_each_copy_host_recorded_and_no_other()
    {
        var report = Triaged_();
        var (reached, _) = ReportHosts.Reach(report, Reached(report), Now)!.Value;

        Assert.True(ReportHosts.HasReached(report, report.Model.Host));
        Assert.False(ReportHosts.HasReached(report, "mirror"));
        Assert.True(ReportHosts.HasReached(reached, "mirror"));
        Assert.False(ReportHosts.HasReached(reached, "elsewhere"));
    }

    [Fact]
    public void A_reupload_is_recorded_once_per_host_and_model_and_a_closed_reports_copy_is_sent_by_the_maintainers()
    {
        var report = Triaged_() with { Status = Resolved };
        var detected = new ModelReuploadDetected(report.Id, "mirror", "x/again", [Digest('a')], Resolved, false, Now);
        var (recorded, audit) = ReportHosts.RecordReupload(report, detected, Now)!.Value;
        Assert.Equal(ReportHosts.ReuploadDetected, audit.Action);
        Assert.Null(ReportHosts.RecordReupload(recorded, detected with { At = Now.AddDays(1) }, Now));

        var shared = ReportHosts.Share(recorded, new ShareWithHostRequest("mirror", "x/again", recorded.Version), "ana@example.org", Now);
        Assert.Equal(WorkflowOutcomeKind.Applied, shared.Kind);
        Assert.Equal(new ReportSharedWithHost(report.Id, "mirror", "x/again", Now), Assert.Single(shared.Messages!));
        Assert.Equal((Now, "ana@example.org"), (shared.Report!.Reuploads[0].SharedAt, shared.Report.Reuploads[0].SharedBy));

        Assert.Equal(WorkflowOutcomeKind.Conflict, ReportHosts.Share(shared.Report, new ShareWithHostRequest("mirror", "x/again", shared.Report.Version), "ana", Now).Kind);
        Assert.Equal(WorkflowOutcomeKind.NotFound, ReportHosts.Share(recorded, new ShareWithHostRequest("mirror", "x/other", recorded.Version), "ana", Now).Kind);
        Assert.Equal(WorkflowOutcomeKind.Conflict, ReportHosts.Share(recorded, new ShareWithHostRequest("mirror", "x/again", 1), "ana", Now).Kind);
        Assert.Equal(WorkflowOutcomeKind.Invalid, ReportHosts.Share(recorded, new ShareWithHostRequest(null, null, recorded.Version), "ana", Now).Kind);
    }

    [Fact]
    public void Editing_digests_replaces_the_list_audits_what_changed_and_tells_notification_on_a_triaged_report()
    {
        var report = Triaged_() with { Model = new ModelReference("hub", "org/model", FileDigests: [Digest('a')]) };

        var outcome = ReportModelDigests.Edit(report, new ModelDigestsRequest([Digest('B'), Digest('b')], report.Version), "ana", Now);

        Assert.Equal(WorkflowOutcomeKind.Applied, outcome.Kind);
        Assert.Equal([Digest('b')], outcome.Report!.Model.Digests());
        Assert.Contains($"\"added\":[\"{Digest('b')}\"]", outcome.Audit!.Data);
        Assert.Contains($"\"removed\":[\"{Digest('a')}\"]", outcome.Audit.Data);
        var changed = Assert.IsType<ReportModelChanged>(Assert.Single(outcome.Messages!));
        Assert.Equal((report.Version + 1, outcome.Report.Model), (changed.Version, changed.Model));

        Assert.Equal(WorkflowOutcomeKind.Unchanged, ReportModelDigests.Edit(outcome.Report, new ModelDigestsRequest([Digest('b')], outcome.Report.Version), "ana", Now).Kind);
        Assert.Null(ReportModelDigests.Edit(ReportWorkflowTests.NewReport(Received), new ModelDigestsRequest([Digest('b')], 1), "ana", Now).Messages);
    }

    [Fact]
    public void A_bad_digest_or_a_missing_list_is_a_field_error_and_changes_nothing()
    {
        var report = Triaged_();

        var bad = ReportModelDigests.Edit(report, new ModelDigestsRequest(["sha256:nope"], report.Version), "ana", Now);
        Assert.Equal(WorkflowOutcomeKind.Invalid, bad.Kind);
        Assert.Contains("fileDigests[0]", bad.Errors!.Keys);
        Assert.Contains("fileDigests", ReportModelDigests.Edit(report, new ModelDigestsRequest(null, report.Version), "ana", Now).Errors!.Keys);
    }

    [Fact]
    public void The_reupload_mail_says_where_the_copy_is_and_whether_its_host_was_told()
    {
        var report = Triaged_() with
        {
            Reuploads = [new ModelReupload("mirror", "x/again", [Digest('a')], Resolved, false, Now)],
        };

        var mail = MaintainerMailComposer.Event(Guid.NewGuid(), "ana@example.org", MaintainerEventKind.Reupload, report, new Uri("https://portal.example/r"));

        Assert.StartsWith("Re-upload of a reported model about hub/org/model", mail.Subject);
        Assert.Contains("Re-upload of a model reported on", mail.Text);
        Assert.Contains("mirror/x/again shares 1 file digest", mail.Text);
        Assert.Contains("send it to that host", mail.Text);
    }

    private sealed class HostComparer : IEqualityComparer<ReportHost>
    {
        public bool Equals(ReportHost? x, ReportHost? y) =>
            x is not null && y is not null && x with { SharedDigests = [] } == y with { SharedDigests = [] } && x.SharedDigests.SequenceEqual(y.SharedDigests);

        public int GetHashCode(ReportHost obj) => obj.HostId.GetHashCode(StringComparison.Ordinal);
    }
}
