using SafetyReports.Contracts;
using SafetyReports.Triage.Disclosure;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Transparency;
using static SafetyReports.Contracts.ReportStatuses;

namespace SafetyReports.UnitTests.Triage.Transparency;

public class AuditReplayTests
{
    // Sub-millisecond ticks everywhere: the facts keep milliseconds, as the chain does.
    private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);
    private const string Maintainer = "ana@example.org";

    private static DateTimeOffset Ms(DateTimeOffset at) => AuditChain.Truncate(at);

    private static ReportSubmitted Submission(string host, string model, string category, DateTimeOffset receivedAt, bool withContact = true) =>
        new(Guid.NewGuid(), receivedAt, new ModelReference(host, model, "main", null), category, null, "Title", "Description",
            [new EvidenceItem("prompt", "…")], withContact ? "protected-contact" : null, withContact);

    private static Report Receive(AuditedReports store, ReportSubmitted submitted, DateTimeOffset storedAt)
    {
        var (report, audit, _) = ReportReceipt.Receive(submitted, storedAt);
        return store.Write(report, audit);
    }

    private static Report Move(AuditedReports store, Guid id, string to, DateTimeOffset at, string? severity = null, string? category = null, Guid? duplicateOf = null) =>
        store.Write(ReportWorkflow.Apply(store[id], new TransitionRequest(to, severity, category, duplicateOf, null, null, store[id].Version), Maintainer, at));

    private static HostResponded Response(Guid id, int revision, string action, bool automated, DateTimeOffset at) =>
        new(id, "hub", revision, action, "the repository", null, "terms §4", automated, null, at);

    [Fact]
    public void Replaying_the_chain_of_a_varied_history_gives_the_facts_of_every_report_as_stored()
    {
        var store = new AuditedReports();

        // Classified, triaged, notified (twice: recorded once), acknowledged, responded and revised, resolved,
        // contact purged, reopened and triaged again (the first triage time stays).
        var full = Receive(store, Submission("hub", "org/a", "hate", T0), T0.AddSeconds(3)).Id;
        Move(store, full, Triaging, T0.AddMinutes(5));
        store.Write(ReportClassification.Apply(store[full], new ClassificationRequest(null, "privacy", store[full].Version), Maintainer, T0.AddMinutes(6)));
        Move(store, full, Triaged, T0.AddMinutes(40), severity: "high");
        var delivered = new WebhookDelivered(full, "hub", Guid.NewGuid(), "msg_1", "report.triaged", T0.AddMinutes(41).AddTicks(77));
        store.Write(SystemMoves.RecordDelivery(store[full], delivered, T0.AddMinutes(42)));
        Assert.Null(SystemMoves.RecordDelivery(store[full], delivered with { DeliveredAt = T0.AddHours(5) }, T0.AddHours(5)));
        store.Write(SystemMoves.RecordAcknowledgement(store[full], new HostAcknowledged(full, "hub", null, T0.AddHours(2)), T0.AddHours(2)));
        store.Write(HostResponseMoves.Record(store[full], Response(full, 1, HostResponseActions.Removed, true, T0.AddHours(3)), T0.AddHours(3)));
        store.Write(HostResponseMoves.Record(store[full], Response(full, 2, HostResponseActions.Disputed, false, T0.AddHours(9)), T0.AddHours(9)));
        Move(store, full, Resolved, T0.AddDays(1));
        store.Write(ContactErasure.Remove(store[full], ContactErasure.Purged, ContactErasure.RetentionActor, T0.AddDays(200)));
        Move(store, full, Triaging, T0.AddDays(201));
        Move(store, full, Triaged, T0.AddDays(201).AddHours(1), category: "violent-crimes");
        store.Write(InternalNote.Add(store[full], "checked again", Maintainer, T0.AddDays(201).AddHours(2)));

        // The host loop: the notice changed and re-shared by a redaction, the reporter contests the response (forwarded,
        // then closed), and the maintainers and the host write on the thread. Only the contest is a fact.
        store.Write(ReportNotices.Edit(store[full], new NoticeUpdateRequest(false, [0], "look", store[full].Version), Maintainer, T0.AddDays(202)));
        store.Write(ReportRedaction.Apply(store[full], new RedactionRequest("…", null, store[full].Version), Maintainer, T0.AddDays(202).AddHours(1)));
        var contest = new ReporterContested(full, ContestIds.For(full, "hub", 2), "hub", 2, "it still does it", T0.AddDays(203));
        store.Write(ReportContests.Record(store[full], contest, T0.AddDays(203)));
        store.Write(ReportContests.Forward(store[full], contest.ContestId, new ContestForwardRequest(null, null, store[full].Version), Maintainer, T0.AddDays(204)));
        store.Write(ReportContests.Close(store[full], contest.ContestId, new ContestCloseRequest("asked", store[full].Version), Maintainer, T0.AddDays(205)));
        store.Write(HostThread.Send(store[full], Guid.NewGuid(), "which revision?", Maintainer, T0.AddDays(205)));
        store.Write(HostThread.Receive(store[full], new HostMessagedMaintainers(full, "hub", Guid.NewGuid(), "host:hub", "rev 2", T0.AddDays(206)), T0.AddDays(206)));

        // Waits on the reporter, who answers; rejected in bulk; the reporter erases their contact.
        var answered = Receive(store, Submission("hub", "org/a", "privacy", T0.AddHours(1)), T0.AddHours(1).AddSeconds(1)).Id;
        Move(store, answered, NeedsInfo, T0.AddHours(2));
        store.Write(SystemMoves.RecordReporterReply(store[answered], new ReporterReplied(answered, Guid.NewGuid(), "here", T0.AddHours(3)), T0.AddHours(3)));
        store.Write(ReportWorkflow.Apply(store[answered], BulkRejection.Transition(store[answered], "spam"), Maintainer, T0.AddHours(4)));
        store.Write(ContactErasure.Remove(store[answered], ContactErasure.Erased, ContactErasure.ReporterActor, T0.AddHours(5)));

        // Triaged with a new category in the move; acknowledged before any delivery is known, then the delivery
        // arrives and is recorded without a move; assigned.
        var early = Receive(store, Submission("hub", "org/b", "hate", T0.AddDays(3)), T0.AddDays(3)).Id;
        Move(store, early, Triaged, T0.AddDays(3).AddHours(1), severity: "low", category: "defamation");
        store.Write(SystemMoves.RecordAcknowledgement(store[early], new HostAcknowledged(early, "hub", "seen", T0.AddDays(3).AddHours(2)), T0.AddDays(3).AddHours(2)));
        store.Write(SystemMoves.RecordDelivery(store[early], new WebhookDelivered(early, "hub", Guid.NewGuid(), "msg_2", "report.triaged", T0.AddDays(3).AddHours(3)), T0.AddDays(3).AddHours(3)));
        store.Write(ReportAssignment.Apply(store[early], new AssignmentRequest(Maintainer, store[early].Version), Maintainer, T0.AddDays(3).AddHours(4)));

        // A duplicate; webhooks to its host stop; a late answer from the reporter is kept without a move.
        var duplicate = Receive(store, Submission("other", "x/y", "hate", T0.AddDays(40), withContact: false), T0.AddDays(40).AddMinutes(1)).Id;
        Move(store, duplicate, Duplicate, T0.AddDays(40).AddHours(1), duplicateOf: full);
        store.Write(WebhookDisableNotice.Record(store[duplicate],
            new WebhookSubscriptionDisabled(Guid.NewGuid(), "other", "failing", T0.AddDays(39), T0.AddDays(40).AddHours(2), [duplicate]), T0.AddDays(40).AddHours(2)));
        store.Write(SystemMoves.RecordReporterReply(store[duplicate], new ReporterReplied(duplicate, Guid.NewGuid(), "late", T0.AddDays(41)), T0.AddDays(41)));

        // Left unanswered by its host: reminded about, then disclosed.
        var disclosed = Receive(store, Submission("other", "x/y", "privacy", T0.AddDays(40)), T0.AddDays(40)).Id;
        Move(store, disclosed, Triaged, T0.AddDays(40).AddHours(2), severity: "medium");
        var disclosure = new DisclosureOptions { After = TimeSpan.FromDays(90) };
        var (reminded, reminder, _) = DisclosurePolicy.Remind(store[disclosed], T0.AddDays(120), disclosure);
        store.Write(reminded, reminder);
        store.Write(DisclosurePolicy.Disclose(store[disclosed], T0.AddDays(131)));

        // Received only; and one the host answers without a delivery on record.
        var untouched = Receive(store, Submission("other", "x/z", "other", T0.AddDays(41)), T0.AddDays(41)).Id;
        var unnotified = Receive(store, Submission("other", "x/z", "hate", T0.AddDays(42)), T0.AddDays(42)).Id;
        Move(store, unnotified, Triaged, T0.AddDays(42).AddHours(6), severity: "critical");
        store.Write(HostResponseMoves.Record(store[unnotified], Response(unnotified, 1, HostResponseActions.NoAction, false, T0.AddDays(43)), T0.AddDays(43)));
        store.Write(ReportContests.Record(store[unnotified],
            new ReporterContested(unnotified, ContestIds.For(unnotified, "other", 1), "other", 1, "why?", T0.AddDays(44)), T0.AddDays(44)));

        // Held as part of a burst (out of the figures), one of them confirmed by a maintainer (counted again).
        var burst = new SafetyReports.Triage.Similarity.ReportCluster([], T0, T0, 0, true);
        var held = Receive(store, Submission("hub", "org/c", "hate", T0.AddDays(50)), T0.AddDays(50)).Id;
        store.Write(SafetyReports.Triage.Similarity.BurstHold.Hold(store[held], burst, T0.AddDays(50).AddMinutes(1)));
        var confirmed = Receive(store, Submission("hub", "org/c", "hate", T0.AddDays(50)), T0.AddDays(50)).Id;
        store.Write(SafetyReports.Triage.Similarity.BurstHold.Hold(store[confirmed], burst, T0.AddDays(50).AddMinutes(2)));
        store.Write(SafetyReports.Triage.Similarity.BurstHold.Confirm(store[confirmed], Maintainer, T0.AddDays(51)));

        var replay = AuditReplay.Of(store.Export());

        Assert.True(replay.Facts[held].Held);
        Assert.False(replay.Facts[confirmed].Held);
        Assert.Equal(store.Reports.Keys.Order(), replay.Facts.Keys.Order());
        foreach (var (id, report) in store.Reports)
        {
            Assert.Equal(TransparencyFacts.From(report), replay.Facts[id]);
        }

        Assert.Empty(replay.UnknownActions);
        Assert.Equal(0, replay.ReceivedAtFromEntryTime);

        // The scenario reaches what it means to: otherwise equality above would prove little.
        var facts = replay.Facts;
        Assert.Equal((Triaged, "violent-crimes", (DateTimeOffset?)Ms(T0.AddMinutes(40)), HostResponseActions.Disputed, false),
            (facts[full].Status, facts[full].Category, facts[full].TriagedAt, facts[full].Action, facts[full].Automated));
        Assert.Equal((Ms(T0.AddMinutes(41)), Ms(T0.AddHours(3))), (facts[full].NotifiedAt!.Value, facts[full].RespondedAt!.Value));
        Assert.Equal((Rejected, (DateTimeOffset?)null), (facts[answered].Status, facts[answered].TriagedAt));
        Assert.Equal((Acknowledged, "defamation", Ms(T0.AddDays(3).AddHours(3))), (facts[early].Status, facts[early].Category, facts[early].NotifiedAt!.Value));
        Assert.Equal(Duplicate, facts[duplicate].Status);
        Assert.NotNull(store[disclosed].DisclosedAt);
        Assert.Equal(Ms(T0.AddDays(41)), facts[untouched].ReceivedAt);
        Assert.Equal((HostResponseActions.NoAction, (DateTimeOffset?)null), (facts[unnotified].Action, facts[unnotified].NotifiedAt));
        Assert.Equal(new[] { full, unnotified }.Order(), facts.Where(f => f.Value.Contested).Select(f => f.Key).Order());
        Assert.Equal(3, store[full].Notice!.Revision);
    }

    [Fact]
    public void The_receipt_time_is_intakes_and_a_received_entry_without_it_counts_from_the_entry()
    {
        var submitted = Submission("hub", "org/a", "hate", T0);
        var (report, audit, _) = ReportReceipt.Receive(submitted, T0.AddMinutes(2));
        var current = AuditChain.Link(audit, 1, AuditChain.GenesisHash);
        var legacy = AuditChain.Link(audit with
        {
            ReportId = Guid.NewGuid(),
            Data = """{"to":"received","model":{"Host":"hub","Id":"org/a","Revision":null,"Url":null},"category":"hate","severity":null,"evidenceItems":1,"withContact":true}""",
        }, 2, current.Hash);

        var replay = AuditReplay.Of([current, legacy]);

        Assert.Equal(TransparencyFacts.From(report), replay.Facts[report.Id]);
        Assert.Equal(Ms(T0), replay.Facts[report.Id].ReceivedAt);
        Assert.Equal(Ms(T0.AddMinutes(2)), replay.Facts[legacy.ReportId].ReceivedAt);
        Assert.Equal(1, replay.ReceivedAtFromEntryTime);
    }

    [Fact]
    public void Unknown_actions_are_counted_and_change_nothing()
    {
        var (report, audit, _) = ReportReceipt.Receive(Submission("hub", "org/a", "hate", T0), T0);
        var received = AuditChain.Link(audit, 1, AuditChain.GenesisHash);
        var unknown = AuditChain.Link(new AuditDraft(report.Id, T0.AddHours(1), "system", "host_reminded", """{"to":"resolved"}"""), 2, received.Hash);

        var replay = AuditReplay.Of([received, unknown]);

        Assert.Equal(TransparencyFacts.From(report), replay.Facts[report.Id]);
        Assert.Equal(1, replay.UnknownActions["host_reminded"]);
        Assert.Equal(unknown, replay.Last);
    }

    [Theory]
    [InlineData("received", "{}", "entry 1 (received): its data has no model.host")]
    [InlineData("received", "not json", "entry 1 (received): its data is not JSON")]
    [InlineData("transition", """{"from":"received","to":"triaging"}""", "has no received entry before it")]
    public void An_entry_the_replay_cannot_read_is_refused_with_its_sequence(string action, string data, string message)
    {
        var entry = AuditChain.Link(new AuditDraft(Guid.NewGuid(), T0, "intake", action, data), 1, AuditChain.GenesisHash);

        var refused = Assert.Throws<AuditReplayException>(() => AuditReplay.Of([entry]));

        Assert.Contains(message, refused.Message);
        Assert.Equal(1, refused.Sequence);
    }
}
