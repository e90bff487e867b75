using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;
using static SafetyReports.Contracts.ReportStatuses;

namespace SafetyReports.UnitTests.Triage;

public class ReportWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The whole table: every (from, to, actor) is either listed here or forbidden.</summary>
    private static readonly HashSet<(string, string, ActorKind)> Expected =
    [
        (Received, Triaging, ActorKind.Maintainer), (Received, NeedsInfo, ActorKind.Maintainer), (Received, Triaged, ActorKind.Maintainer),
        (Received, Rejected, ActorKind.Maintainer), (Received, Duplicate, ActorKind.Maintainer),
        (Triaging, NeedsInfo, ActorKind.Maintainer), (Triaging, Triaged, ActorKind.Maintainer), (Triaging, Rejected, ActorKind.Maintainer),
        (Triaging, Duplicate, ActorKind.Maintainer),
        (NeedsInfo, Triaging, ActorKind.Maintainer), (NeedsInfo, Triaging, ActorKind.Reporter), (NeedsInfo, Triaged, ActorKind.Maintainer),
        (NeedsInfo, Rejected, ActorKind.Maintainer), (NeedsInfo, Duplicate, ActorKind.Maintainer),
        (Triaged, Triaging, ActorKind.Maintainer), (Triaged, HostNotified, ActorKind.System), (Triaged, Acknowledged, ActorKind.System),
        (Triaged, Resolved, ActorKind.Maintainer), (Triaged, Rejected, ActorKind.Maintainer),
        (HostNotified, Acknowledged, ActorKind.System), (HostNotified, Resolved, ActorKind.Maintainer),
        (Acknowledged, Resolved, ActorKind.Maintainer),
        (Resolved, Triaging, ActorKind.Maintainer), (Rejected, Triaging, ActorKind.Maintainer), (Duplicate, Triaging, ActorKind.Maintainer),
    ];

    public static TheoryData<string, string, ActorKind> EveryCombination()
    {
        var data = new TheoryData<string, string, ActorKind>();
        foreach (var from in All)
        {
            foreach (var to in All)
            {
                foreach (var actor in Enum.GetValues<ActorKind>())
                {
                    data.Add(from, to, actor);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void Allows_exactly_the_transitions_of_the_table(string from, string to, ActorKind actor)
    {
        Assert.Equal(Expected.Contains((from, to, actor)), ReportWorkflow.IsAllowed(from, to, actor));
    }

    public static TheoryData<string, string> EveryMove()
    {
        var data = new TheoryData<string, string>();
        foreach (var from in All)
        {
            foreach (var to in All)
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryMove))]
    public void A_maintainers_valid_request_is_applied_exactly_when_the_table_allows_it(string from, string to)
    {
        var report = NewReport(from, severity: "medium") with { Version = 3 };
        var request = Request(to, 3) with { DuplicateOf = to == Duplicate ? Guid.NewGuid() : null };
        var outcome = ReportWorkflow.Apply(report, request, "alice", Now);

        if (Expected.Contains((from, to, ActorKind.Maintainer)))
        {
            Assert.Equal(WorkflowOutcomeKind.Applied, outcome.Kind);
            Assert.Equal(to, outcome.Report!.Status);
            Assert.Equal(4, outcome.Report.Version);
            Assert.Equal(from, outcome.Event!.PreviousStatus);
        }
        else
        {
            Assert.Equal(WorkflowOutcomeKind.Conflict, outcome.Kind);
            Assert.Null(outcome.Report);
        }
    }

    [Theory]
    [MemberData(nameof(EveryMove))]
    public void The_system_moves_exactly_when_the_table_allows_it(string from, string to)
    {
        var moved = ReportWorkflow.ApplySystem(NewReport(from, severity: "low"), to, Now);
        Assert.Equal(Expected.Contains((from, to, ActorKind.System)), moved is not null);
        if (moved is not null)
        {
            Assert.Equal(to, moved.Status);
            Assert.Equal(2, moved.Version);
        }
    }

    [Fact]
    public void The_statuses_offered_next_are_the_tables_for_every_status_and_actor()
    {
        foreach (var from in All)
        {
            foreach (var actor in Enum.GetValues<ActorKind>())
            {
                var expected = Expected.Where(t => t.Item1 == from && t.Item3 == actor).Select(t => t.Item2).Order();
                Assert.Equal(expected, ReportWorkflow.NextStatuses(from, actor).Order());
            }
        }
    }

    [Fact]
    public void Maintainers_cannot_set_the_statuses_only_the_system_sets()
    {
        var report = NewReport(Triaged, severity: "high");
        foreach (var systemOnly in new[] { HostNotified, Acknowledged })
        {
            var outcome = ReportWorkflow.Apply(report, Request(systemOnly, report.Version), "alice", Now);
            Assert.Equal(WorkflowOutcomeKind.Conflict, outcome.Kind);
        }
    }

    [Fact]
    public void Applying_a_transition_bumps_the_version_and_records_audit_and_event()
    {
        var report = NewReport(Received);
        var outcome = ReportWorkflow.Apply(report, Request(Triaged, 1) with { Severity = "high", Note = "checked", PublicNote = "thanks" }, "alice", Now);

        Assert.Equal(WorkflowOutcomeKind.Applied, outcome.Kind);
        Assert.Equal(Triaged, outcome.Report!.Status);
        Assert.Equal(2, outcome.Report.Version);
        Assert.Equal("high", outcome.Report.Severity);
        Assert.Equal(Now, outcome.Report.TriagedAt);
        Assert.Equal("checked", Assert.Single(outcome.Report.Notes).Text);
        Assert.Equal("thanks", Assert.Single(outcome.Report.PublicNotes).Text);
        Assert.Equal("transition", outcome.Audit!.Action);
        Assert.Contains("\"from\":\"received\"", outcome.Audit.Data);
        Assert.Equal(Received, outcome.Event!.PreviousStatus);
        Assert.Equal("thanks", outcome.Event.PublicNote);
        Assert.Equal(2, outcome.Event.Version);
    }

    [Fact]
    public void A_stale_version_is_a_conflict_and_changes_nothing()
    {
        var report = NewReport(Triaging) with { Version = 4 };
        var outcome = ReportWorkflow.Apply(report, Request(Rejected, 3), "alice", Now);
        Assert.Equal(WorkflowOutcomeKind.Conflict, outcome.Kind);
        Assert.Null(outcome.Report);
    }

    [Theory]
    [InlineData("nonsense", null, null, null, "to")]
    [InlineData(Triaged, null, null, null, "severity")]
    [InlineData(Triaged, "extreme", null, null, "severity")]
    [InlineData(Triaging, null, "not-a-category", null, "category")]
    [InlineData(Duplicate, null, null, null, "duplicateOf")]
    public void Invalid_requests_name_the_field(string to, string? severity, string? category, string? duplicateOf, string field)
    {
        var report = NewReport(Received);
        var request = Request(to, 1) with { Severity = severity, Category = category, DuplicateOf = duplicateOf is null ? null : Guid.Parse(duplicateOf) };
        var outcome = ReportWorkflow.Apply(report, request, "alice", Now);
        Assert.Equal(WorkflowOutcomeKind.Invalid, outcome.Kind);
        Assert.Contains(field, outcome.Errors!.Keys);
    }

    [Fact]
    public void A_report_cannot_duplicate_itself_and_a_missing_version_is_invalid()
    {
        var report = NewReport(Received);
        Assert.Contains("duplicateOf", ReportWorkflow.Apply(report, Request(Duplicate, 1) with { DuplicateOf = report.Id }, "a", Now).Errors!.Keys);
        Assert.Contains("expectedVersion", ReportWorkflow.Apply(report, Request(Triaging, null), "a", Now).Errors!.Keys);
    }

    [Fact]
    public void Delivery_moves_a_triaged_report_once_and_only_records_the_time_otherwise()
    {
        var triaged = NewReport(Triaged, severity: "low");
        var delivered = new WebhookDelivered(triaged.Id, "hub", Guid.NewGuid(), "msg_1", "report.triaged", Now);

        var first = SystemMoves.RecordDelivery(triaged, delivered, Now)!.Value;
        Assert.Equal(HostNotified, first.Report.Status);
        Assert.Equal(Now, first.Report.HostNotifiedAt);
        Assert.NotNull(first.Event);
        Assert.Null(SystemMoves.RecordDelivery(first.Report, delivered, Now));

        var resolved = NewReport(Resolved);
        var late = SystemMoves.RecordDelivery(resolved, delivered, Now)!.Value;
        Assert.Equal(Resolved, late.Report.Status);
        Assert.Null(late.Event);
        Assert.Equal(Now, late.Report.HostNotifiedAt);
    }

    [Fact]
    public void Acknowledgement_moves_triaged_or_notified_reports_once()
    {
        var acknowledged = new HostAcknowledged(Guid.NewGuid(), "hub", "on it", Now);
        foreach (var status in new[] { Triaged, HostNotified })
        {
            var result = SystemMoves.RecordAcknowledgement(NewReport(status, severity: "low"), acknowledged, Now)!.Value;
            Assert.Equal(Acknowledged, result.Report.Status);
            Assert.Null(SystemMoves.RecordAcknowledgement(result.Report, acknowledged, Now));
        }
    }

    internal static Report NewReport(string status, string? severity = null) => new()
    {
        Id = Guid.NewGuid(),
        Status = status,
        Version = 1,
        Model = new ModelReference("hub", "org/model"),
        Category = "hate",
        Severity = severity,
        Title = "t",
        Description = "d",
        ReceivedAt = Now,
        UpdatedAt = Now,
    };

    private static TransitionRequest Request(string to, long? version) => new(to, null, null, null, null, null, version);
}
