using SafetyReports.Contracts;
using SafetyReports.Triage;
using SafetyReports.Triage.Storage;

namespace SafetyReports.UnitTests.Consumers;

/// <summary>Triage's consumers on the in-memory test harness, with Triage's real store (SQLite) and outbox dispatcher.</summary>
public sealed class TriageConsumerTests : IAsyncLifetime
{
    private ConsumerHarness _triage = null!;

    public async ValueTask InitializeAsync() => _triage = await ConsumerHarness.StartAsync(b => b.AddTriage());

    public ValueTask DisposeAsync() => _triage.DisposeAsync();

    private static ReportSubmitted Submitted(Guid id) =>
        new(id, DateTimeOffset.UtcNow, new ModelReference("hub", "org/model"), "violent-crimes", "high", "A report", "What happened.", [], null, false);

    [Fact]
    public async Task A_submitted_report_is_stored_and_its_confirmation_leaves_through_the_outbox()
    {
        var id = Guid.NewGuid();

        await _triage.ConsumeAsync(Submitted(id));

        var report = await _triage.Get<ITriageStore>().GetReportAsync(id, TestContext.Current.CancellationToken);
        Assert.Equal(("A report", ReportStatuses.Received), (report?.Title, report?.Status));
        Assert.True(await _triage.Harness.Published.Any<ReportStored>(p => p.Context.Message.ReportId == id, TestContext.Current.CancellationToken), "ReportStored was published");
        Assert.True(await _triage.Harness.Published.Any<ReportStatusChanged>(p => p.Context.Message.ReportId == id, TestContext.Current.CancellationToken), "ReportStatusChanged was published");
    }

    [Fact]
    public async Task A_resent_submission_changes_nothing_and_is_confirmed_again()
    {
        var id = Guid.NewGuid();
        var ct = TestContext.Current.CancellationToken;
        await _triage.ConsumeAsync(Submitted(id));
        var store = _triage.Get<ITriageStore>();
        var auditBefore = await store.GetAuditAsync(id, ct);

        await _triage.ConsumeAsync(Submitted(id) with { Title = "Sent again" });

        Assert.Equal("A report", (await store.GetReportAsync(id, ct))?.Title);
        Assert.Equal(auditBefore.Count, (await store.GetAuditAsync(id, ct)).Count);
        // The first confirmation left through the outbox; the resent submission is confirmed by the consumer itself.
        var confirmations = 0;
        await foreach (var _ in _triage.Harness.Published.SelectAsync<ReportStored>(p => p.Context.Message.ReportId == id, ct))
        {
            if (++confirmations == 2)
            {
                break;
            }
        }

        Assert.Equal(2, confirmations);
    }

    [Fact]
    public async Task A_burst_is_held_by_the_check_that_reads_each_stored_report_back_from_the_bus()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = _triage.Get<SafetyReports.Triage.Similarity.SimilarityOptions>();
        var ids = Enumerable.Range(0, options.BurstSize).Select(_ => Guid.NewGuid()).ToList();
        var store = _triage.Get<ITriageStore>();

        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            await _triage.ConsumeAsync(Submitted(id) with
            {
                Title = "Same brigade text", Description = "The model wrote the same instructions for everybody who asked.",
                ClientHash = $"client-{i % options.BurstDistinctClients}",
            });
        }

        // Triage's other readers of ReportStored (the maintainers' mails) do not count: this checker must have read it.
        Assert.True(await _triage.Harness.GetConsumerHarness<SafetyReports.Triage.Consumers.HoldBurstConsumer>().Consumed
            .Any<ReportStored>(c => c.Context.Message.ReportId == ids[^1], ct), "the burst check read the last report's ReportStored");

        // The last check found the burst and held every member; the earlier checks (too few yet) held none.
        foreach (var id in ids)
        {
            Assert.NotNull((await store.GetReportAsync(id, ct))?.HeldAt);
        }
    }
}
