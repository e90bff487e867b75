using SafetyReports.Contracts;
using SafetyReports.ServiceDefaults.Messaging;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Storage;
using SafetyReports.Triage.Transparency;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>The host loop in the store: notice, contests, thread and statement kept; <c>contested=true</c>; the contested share.</summary>
public abstract partial class TriageStoreContractTests
{
    private static ReportContest Contest(string state, DateTimeOffset at, int revision = 1) =>
        new(Guid.NewGuid(), "huggingface", revision, "I disagree", at, state);

    [Fact]
    public async Task A_report_keeps_its_notice_contests_thread_and_full_statement_through_adds_and_updates()
    {
        var store = await CreateStoreAsync();
        var report = NewReport(At(1)) with
        {
            Status = ReportStatuses.Acknowledged,
            TriagedAt = At(2),
            RespondedAt = At(5),
            HostResponse = new HostStatement(1, HostResponseActions.Restricted, "EU", At(100), "ToS §4", false, "note", At(5),
                DecisionGrounds.IllegalContent, "Art. 3", null, ["DE", "FR"], true, false, "appeals@hub.example"),
            Notice = new ReportNotice(false, [0], "Look here.", 2, At(3)),
            Contests = [Contest(ContestStates.Open, At(6))],
            HostMessages = [new HostThreadMessage(Guid.NewGuid(), HostThread.FromMaintainers, "ana", "Hello", At(4))],
        };
        Assert.True(await store.AddReportAsync(report, Audit(report.Id, "received", At(1)), [], Ct));
        SameJson(report, await store.GetReportAsync(report.Id, Ct));

        var updated = report with
        {
            Version = 2,
            Contests = [report.Contests[0] with { State = ContestStates.Forwarded, ForwardedAt = At(7), ForwardedReason = "short", ForwardNote = "n" }],
            HostMessages = [.. report.HostMessages, new HostThreadMessage(Guid.NewGuid(), HostThread.FromHost, "host:huggingface", "Hi", At(8))],
            Notice = report.Notice! with { Revision = 3, SharedEvidence = [], ChangedAt = At(8) },
        };
        Assert.True(await store.UpdateReportAsync(updated, 1, Audit(report.Id, "forwarded", At(7)), [], Ct));

        SameJson(updated, await store.GetReportAsync(report.Id, Ct));
        SameJson(updated, Assert.Single((await store.ListReportsAsync(new ReportQuery(), Ct)).Items));
    }

    [Theory]
    [InlineData(ReportSort.Newest)]
    [InlineData(ReportSort.Oldest)]
    [InlineData(ReportSort.Deadline)]
    public async Task Contested_lists_and_counts_only_reports_with_an_open_contest_in_each_order_with_other_filters(ReportSort sort)
    {
        var store = await CreateStoreAsync();
        string?[] severities = ["critical", "high", null, "low"];
        var reports = Enumerable.Range(0, 24).Select(i => NewReport(At(i / 3)) with
        {
            Status = i % 2 == 0 ? ReportStatuses.Acknowledged : ReportStatuses.Resolved,
            Severity = severities[i % severities.Length],
            Category = i % 3 == 0 ? "hate" : "privacy",
            Title = i % 4 == 0 ? "needle report" : "hay report",
            Contests = (i % 5) switch
            {
                0 or 1 => [Contest(ContestStates.Open, At(i))],
                2 => [Contest(ContestStates.Closed, At(i)), Contest(ContestStates.Open, At(i), 2)],
                3 => [Contest(ContestStates.Forwarded, At(i))],
                _ => [],
            },
        }).ToList();
        foreach (var report in reports)
        {
            await store.AddReportAsync(report, Audit(report.Id, "received", report.ReceivedAt), [], Ct);
        }

        var now = At(3).AddDays(2);
        IEnumerable<Guid> Expected(Func<Report, bool> filter) => InQueueOrder(reports.Where(ReportContests.HasOpen).Where(filter), sort);

        Task<List<Guid>> All(ReportQuery query) => AllPagesAsync(store, query with { Limit = 2, Sort = sort, Contested = true });

        Assert.Equal(15, Expected(_ => true).Count());
        Assert.Equal(Expected(_ => true), await All(new ReportQuery()));
        Assert.Equal(Expected(r => r.Category == "hate"), await All(new ReportQuery(Category: "hate")));
        Assert.Equal(Expected(r => r.Status == ReportStatuses.Acknowledged), await All(new ReportQuery(Status: ReportStatuses.Acknowledged)));
        Assert.Equal(Expected(r => r.Status != ReportStatuses.Resolved), await All(new ReportQuery(Open: true)));
        Assert.Equal(Expected(r => r.Title.StartsWith("needle", StringComparison.Ordinal)), await All(new ReportQuery(Text: "needle")));
        Assert.Empty(await All(new ReportQuery(OverdueAt: now)));

        foreach (var query in new[] { new ReportQuery(Contested: true), new ReportQuery(Contested: true, Category: "privacy"), new ReportQuery(Contested: true, Text: "needle") })
        {
            var counts = await store.CountReportsAsync(query, Ct);
            var expected = reports.Where(ReportContests.HasOpen)
                .Where(r => (query.Category is null || r.Category == query.Category) && (query.Text is null || r.Title.StartsWith("needle", StringComparison.Ordinal)))
                .ToList();
            Assert.Equal(ReportStatuses.All.ToDictionary(s => s, s => (long)expected.Count(r => r.Status == s)), counts.Counts);
        }

        // Closing the last open contest takes a report out; a new one puts it back.
        var first = reports.First(ReportContests.HasOpen);
        var settled = first with { Version = 2, Contests = [.. first.Contests.Select(c => c with { State = ContestStates.Closed })] };
        Assert.True(await store.UpdateReportAsync(settled, 1, Audit(first.Id, "closed", At(30)), [], Ct));
        Assert.DoesNotContain(first.Id, await All(new ReportQuery()));
        Assert.Equal(14, (await store.CountReportsAsync(new ReportQuery(Contested: true), Ct)).Total);
        var again = settled with { Version = 3, Contests = [.. settled.Contests, Contest(ContestStates.Open, At(31), 3)] };
        Assert.True(await store.UpdateReportAsync(again, 2, Audit(first.Id, "contested", At(31)), [], Ct));
        Assert.Contains(first.Id, await All(new ReportQuery()));
    }

    [Fact]
    public async Task A_redaction_writes_its_events_with_it_and_a_refused_one_writes_none()
    {
        var store = await CreateStoreAsync();
        var report = NewReport(At(1)) with { TriagedAt = At(2), Status = ReportStatuses.Triaged, Notice = new ReportNotice(true, [0], null, 1, At(2)) };
        await store.AddReportAsync(report, Audit(report.Id, "received", At(1)), [], Ct);
        var outcome = ReportRedaction.Apply(report, new RedactionRequest("address", null, report.Version), "admin", At(3));
        var shared = OutboxMessage.For(Assert.Single(outcome.Messages!), At(3));

        Assert.False(await store.RedactReportAsync(outcome.Report!, report.Version + 1, outcome.Audit!, [shared], Ct));
        Assert.Empty(await store.PeekOutboxAsync(10, Ct));
        Assert.True(await store.RedactReportAsync(outcome.Report!, report.Version, outcome.Audit!, [shared], Ct));

        var message = Assert.Single(await store.PeekOutboxAsync(10, Ct));
        Assert.Equal((shared.Id, typeof(ReportNoticeShared).FullName), (message.Id, message.MessageType));
        Assert.Equal(2, (await store.GetReportAsync(report.Id, Ct))!.Notice!.Revision);
    }

    [Fact]
    public async Task Transparency_counts_responses_and_contested_reports_per_host_and_model_as_a_recount_does()
    {
        var store = await CreateStoreAsync();
        var all = new List<Report>();
        for (var i = 0; i < 6; i++)
        {
            var report = NewReport(March.AddHours(i)) with
            {
                Model = new ModelReference("hub-c", i < 4 ? "org/x" : "org/y"),
                Status = ReportStatuses.Triaged,
                TriagedAt = March.AddHours(i + 1),
            };
            await store.AddReportAsync(report, Audit(report.Id, "received", report.ReceivedAt), [], Ct);
            var next = report;
            if (i < 4)
            {
                next = next with
                {
                    Version = next.Version + 1,
                    RespondedAt = March.AddDays(1),
                    HostResponse = new HostStatement(1, HostResponseActions.NoAction, null, null, "terms", false, null, March.AddDays(1)),
                };
                Assert.True(await store.UpdateReportAsync(next, next.Version - 1, Audit(report.Id, "responded", March.AddDays(1)), [], Ct));
            }

            if (i is 0 or 4)
            {
                // The fourth-and-later one has no response: its contest does not count (a contest is of a response).
                next = next with { Version = next.Version + 1, Contests = [Contest(ContestStates.Open, March.AddDays(2)), Contest(ContestStates.Closed, March.AddDays(2), 2)] };
                Assert.True(await store.UpdateReportAsync(next, next.Version - 1, Audit(report.Id, "contested", March.AddDays(2)), [], Ct));
            }

            all.Add(next);
        }

        var query = new TransparencyQuery(store, new TransparencyOptions(), new FixedClock(AsOf));
        var hosts = await query.FiguresAsync(null, new TransparencyPeriod(202603, 202603), TransparencyFiguresBuilder.Unsuppressed, Ct);
        var host = Assert.Single(hosts.Groups);
        Assert.Equal((4L, 1L, 0.25), (host.Responded!.Value, host.Contested!.Value, host.ContestedShare!.Value));

        var models = await query.FiguresAsync("hub-c", new TransparencyPeriod(202603, 202603), TransparencyFiguresBuilder.Unsuppressed, Ct);
        Assert.Equal([("org/x", 4L, 1L, (double?)0.25), ("org/y", 0L, 0L, null)],
            models.Groups.Select(g => (g.Model!, g.Responded!.Value, g.Contested!.Value, g.ContestedShare)));

        var tallies = new TransparencyTallies(AsOf);
        foreach (var report in all)
        {
            tallies.Add(report.Model.Host, null, TransparencyContribution.For(report, new TransparencyOptions().AcknowledgementSla));
        }

        SameJson(TransparencyFiguresBuilder.Build(tallies, new TransparencyPeriod(202603, 202603), new TransparencyOptions(), hosts.Audit,
            TransparencyFiguresBuilder.Unsuppressed).Groups, hosts.Groups);

        // Public figures (threshold 5): four responses and one contest are withheld, and so is the share.
        var published = await query.FiguresAsync(null, new TransparencyPeriod(202603, 202603), Ct);
        Assert.Equal(((long?)null, (long?)null, (double?)null), (published.Groups.Single().Responded, published.Groups.Single().Contested, published.Groups.Single().ContestedShare));
    }
}
