using SafetyReports.Contracts;
using SafetyReports.ServiceDefaults.Messaging;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Storage;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>What every <see cref="ITriageStore"/> adapter must do; a subclass per adapter runs it.</summary>
public abstract partial class TriageStoreContractTests : IAsyncDisposable
{
    /// <summary>A new, empty store for this test.</summary>
    protected abstract Task<ITriageStore> CreateStoreAsync();

    protected abstract ValueTask DisposeStoreAsync();

    public async ValueTask DisposeAsync()
    {
        await DisposeStoreAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Adding_a_report_twice_is_refused_and_writes_nothing_more()
    {
        var store = await CreateStoreAsync();
        var report = NewReport(At(0)) with
        {
            Assignee = "ana",
            DuplicateOf = Guid.NewGuid(),
            Notes = [new ReportNote(At(1), "ana", "internal")],
            PublicNotes = [new ReportNote(At(2), "ana", "public")],
            TriagedAt = At(3),
        };
        var events = new[] { Event("first", At(0)), Event("second", At(0)) };

        Assert.True(await store.AddReportAsync(report, Audit(report.Id, "received", At(0)), events, Ct));
        var again = report with { Title = "Changed", Version = 7 };
        Assert.False(await store.AddReportAsync(again, Audit(report.Id, "received-again", At(1)), [Event("third", At(1))], Ct));

        SameJson(report, await store.GetReportAsync(report.Id, Ct));
        Assert.Equal(["received"], (await store.GetAuditAsync(report.Id, Ct)).Select(a => a.Action));
        Assert.Single(await store.ReadAuditChainAsync(0, 100, Ct));
        Assert.Equal(events.Select(e => e.Id), (await store.PeekOutboxAsync(100, Ct)).Select(m => m.Id));
        Assert.Null(await store.GetReportAsync(Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task An_update_with_a_stale_version_is_refused_and_writes_no_audit_or_event()
    {
        var store = await CreateStoreAsync();
        var report = NewReport(At(0));
        await store.AddReportAsync(report, Audit(report.Id, "received", At(0)), [], Ct);
        var triaging = report with { Status = ReportStatuses.Triaging, Version = 2, UpdatedAt = At(5) };
        var added = Event("triaging", At(5));

        Assert.True(await store.UpdateReportAsync(triaging, 1, Audit(report.Id, "transition", At(5)), [added], Ct));
        var stale = report with { Status = ReportStatuses.Rejected, Version = 2, UpdatedAt = At(6) };
        Assert.False(await store.UpdateReportAsync(stale, 1, Audit(report.Id, "stale", At(6)), [Event("stale", At(6))], Ct));
        Assert.False(await store.UpdateReportAsync(stale with { Id = Guid.NewGuid() }, 1, Audit(report.Id, "unknown", At(6)), [], Ct));

        SameJson(triaging, await store.GetReportAsync(report.Id, Ct));
        Assert.Equal(["received", "transition"], (await store.GetAuditAsync(report.Id, Ct)).Select(a => a.Action));
        Assert.Equal(2, (await store.ReadAuditChainAsync(0, 100, Ct)).Count);
        Assert.Equal([added.Id], (await store.PeekOutboxAsync(100, Ct)).Select(m => m.Id));
    }

    [Fact]
    public async Task The_queue_filters_on_each_field()
    {
        var store = await CreateStoreAsync();
        var a = NewReport(At(1)) with { Status = ReportStatuses.Triaging, Category = "privacy", Severity = "high", Assignee = "ana" };
        var b = NewReport(At(2)) with { Category = "hate", Severity = null, Model = new ModelReference("civitai", "org/model") };
        var c = NewReport(At(3)) with { Severity = "low", Model = new ModelReference("huggingface", "org/other"), Assignee = "bo" };
        foreach (var report in new[] { a, b, c })
        {
            await store.AddReportAsync(report, Audit(report.Id, "received", report.ReceivedAt), [], Ct);
        }

        async Task<Guid[]> Ids(ReportQuery query) => [.. (await store.ListReportsAsync(query, Ct)).Items.Select(r => r.Id)];

        Assert.Equal([c.Id, b.Id, a.Id], await Ids(new ReportQuery()));
        Assert.Equal([a.Id], await Ids(new ReportQuery(Status: ReportStatuses.Triaging)));
        Assert.Equal([c.Id, b.Id], await Ids(new ReportQuery(Status: ReportStatuses.Received)));
        Assert.Equal([b.Id], await Ids(new ReportQuery(Category: "hate")));
        Assert.Equal([c.Id], await Ids(new ReportQuery(Severity: "low")));
        Assert.Equal([b.Id], await Ids(new ReportQuery(ModelHost: "civitai")));
        Assert.Equal([b.Id, a.Id], await Ids(new ReportQuery(ModelId: "org/model")));
        Assert.Equal([a.Id], await Ids(new ReportQuery(ModelHost: "huggingface", ModelId: "org/model")));
        Assert.Equal([c.Id], await Ids(new ReportQuery(Assignee: "bo")));
        Assert.Equal([a.Id], await Ids(new ReportQuery(Status: ReportStatuses.Triaging, Category: "privacy", Severity: "high",
            ModelHost: "huggingface", ModelId: "org/model", Text: "ADDRESS", Assignee: "ana")));
        Assert.Empty(await Ids(new ReportQuery(Status: ReportStatuses.Triaging, Assignee: "bo")));
        Assert.Empty(await Ids(new ReportQuery(Category: "Privacy")));
    }

    [Fact]
    public async Task Text_search_finds_every_word_in_title_description_evidence_and_model_id_ignoring_case()
    {
        var store = await CreateStoreAsync();
        var title = NewReport(At(1)) with { Title = "Jailbreak PROMPT works", Description = "plain" };
        var description = NewReport(At(2)) with { Title = "plain", Description = "Gives Weapons advice; costs $100 (approx.) [sic]" };
        var model = NewReport(At(3)) with { Title = "plain", Description = "plain", Model = new ModelReference("huggingface", "Org/Zephyr-7B") };
        var evidence = NewReport(At(4)) with { Title = "plain", Description = "plain", Evidence = [new EvidenceItem("output", "Here is the Recipe")] };
        foreach (var report in new[] { title, description, model, evidence })
        {
            await store.AddReportAsync(report, Audit(report.Id, "received", report.ReceivedAt), [], Ct);
        }

        async Task<Guid[]> Search(string text) => [.. (await store.ListReportsAsync(new ReportQuery(Text: text), Ct)).Items.Select(r => r.Id)];

        Assert.Equal([title.Id], await Search("jailbreak prompt"));
        Assert.Equal([title.Id], await Search("PROMPT jailbreak"));
        Assert.Equal([description.Id], await Search("WEAPONS"));
        Assert.Equal([description.Id], await Search("weapons advice costs"));
        Assert.Equal([model.Id], await Search("org/zephyr-7b"));
        Assert.Equal([evidence.Id], await Search("recipe"));
        // OR is a word like any other, not an operator.
        Assert.Empty(await Search("plain OR prompt"));
        // Characters query languages read specially are plain text: only the words count.
        Assert.Equal([description.Id], await Search("$100"));
        Assert.Equal([description.Id], await Search("(approx.) [sic]"));
        Assert.Equal([description.Id], await Search("\"costs\" -advice*"));
        // Every word is required, and words are whole (a part of a word is not one).
        Assert.Empty(await Search("weapons jailbreak"));
        Assert.Empty(await Search("eapons"));
        Assert.Empty(await Search("huggingface"));
        // Text without words does not filter.
        Assert.Equal(4, (await Search("   ")).Length);
        Assert.Equal(4, (await Search(".*")).Length);
    }

    [Fact]
    public async Task The_search_follows_edits_of_the_text()
    {
        var store = await CreateStoreAsync();
        var report = NewReport(At(1)) with { Title = "Original wording" };
        await store.AddReportAsync(report, Audit(report.Id, "received", At(1)), [], Ct);
        var edited = report with { Title = "Replaced wording", Version = 2 };
        Assert.True(await store.UpdateReportAsync(edited, 1, Audit(report.Id, "edit", At(2)), [], Ct));

        Assert.Empty((await store.ListReportsAsync(new ReportQuery(Text: "original"), Ct)).Items);
        Assert.Equal([report.Id], (await store.ListReportsAsync(new ReportQuery(Text: "replaced wording"), Ct)).Items.Select(r => r.Id));
        // A refused (stale) update leaves the search as it was.
        Assert.False(await store.UpdateReportAsync(edited with { Title = "Stale" }, 1, Audit(report.Id, "stale", At(3)), [], Ct));
        Assert.Empty((await store.ListReportsAsync(new ReportQuery(Text: "stale"), Ct)).Items);
    }

    [Theory]
    [InlineData(ReportSort.Newest)]
    [InlineData(ReportSort.Oldest)]
    [InlineData(ReportSort.Deadline)]
    public async Task Each_order_pages_through_every_report_once_with_filters_combined(ReportSort sort)
    {
        var store = await CreateStoreAsync();
        string[] severities = ["critical", "high", "medium", "low"];
        // Shared received times and shared deadlines, so only the id can break ties; random ids mixed with the
        // time-ordered ones Intake minted before (a later time's v7 id sorts first here, so id order is not time order).
        var reports = Enumerable.Range(0, 26).Select(i => NewReport(At(i / 3)) with
        {
            Id = i % 2 == 0 ? Guid.NewGuid() : Guid.CreateVersion7(At(30 - i)),
            Severity = i % 5 == 4 ? null : severities[i % 4],
            Category = i % 2 == 0 ? "privacy" : "hate",
            Title = i % 3 == 0 ? "needle report" : "hay report",
        }).ToList();
        foreach (var report in reports)
        {
            await store.AddReportAsync(report, Audit(report.Id, "received", report.ReceivedAt), [], Ct);
        }

        var sla = new SlaOptions();
        IEnumerable<Report> Ordered(IEnumerable<Report> source) => sort switch
        {
            ReportSort.Oldest => source.OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id.ToString(), StringComparer.Ordinal),
            ReportSort.Deadline => source.OrderBy(r => SlaPolicy.Deadline(sla, r.ReceivedAt, r.Severity)).ThenBy(r => r.Id.ToString(), StringComparer.Ordinal),
            _ => source.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id.ToString(), StringComparer.Ordinal),
        };

        async Task<List<Guid>> All(ReportQuery query)
        {
            var seen = new List<Guid>();
            ReportCursor? cursor = null;
            for (var pages = 0; pages < 50; pages++)
            {
                var page = await store.ListReportsAsync(query with { After = cursor, Limit = 4, Sort = sort }, Ct);
                seen.AddRange(page.Items.Select(r => r.Id));
                if (page.Next is null)
                {
                    return seen;
                }

                Assert.Equal(sort, page.Next.Sort);
                Assert.True(ReportCursor.TryDecode(page.Next.Encode(), out cursor));
            }

            throw new InvalidOperationException("The cursor never ended.");
        }

        Assert.Equal(Ordered(reports).Select(r => r.Id), await All(new ReportQuery()));
        Assert.Equal(Ordered(reports.Where(r => r.Category == "privacy")).Select(r => r.Id), await All(new ReportQuery(Category: "privacy")));
        Assert.Equal(Ordered(reports.Where(r => r.Title.StartsWith("needle", StringComparison.Ordinal))).Select(r => r.Id),
            await All(new ReportQuery(Text: "needle")));
    }

    [Fact]
    public async Task Overdue_keeps_reports_open_for_triage_past_their_deadline()
    {
        var store = await CreateStoreAsync();
        var now = At(0).AddHours(10);
        var late = NewReport(At(0)) with { Severity = "critical" };
        var lateButTriaged = NewReport(At(1)) with { Severity = "critical", Status = ReportStatuses.Triaged };
        var lateNeedsInfo = NewReport(At(2)) with { Severity = "critical", Status = ReportStatuses.NeedsInfo };
        var inTime = NewReport(At(3)) with { Severity = "high" };
        foreach (var report in new[] { late, lateButTriaged, lateNeedsInfo, inTime })
        {
            await store.AddReportAsync(report, Audit(report.Id, "received", report.ReceivedAt), [], Ct);
        }

        var overdue = await store.ListReportsAsync(new ReportQuery(OverdueAt: now, Sort: ReportSort.Deadline), Ct);
        Assert.Equal([late.Id, lateNeedsInfo.Id], overdue.Items.Select(r => r.Id));
        var counts = await store.CountReportsAsync(new ReportQuery(OverdueAt: now), Ct);
        Assert.Equal(2, counts.Total);
        // A later classification moves the deadline.
        Assert.True(await store.UpdateReportAsync(late with { Severity = "low", Version = 2 }, 1, Audit(late.Id, "classification", At(5)), [], Ct));
        Assert.Equal([lateNeedsInfo.Id], (await store.ListReportsAsync(new ReportQuery(OverdueAt: now), Ct)).Items.Select(r => r.Id));
    }

    [Fact]
    public async Task Counts_per_status_follow_the_filters_but_not_status_or_cursor()
    {
        var store = await CreateStoreAsync();
        var reports = new[]
        {
            NewReport(At(0)),
            NewReport(At(1)) with { Status = ReportStatuses.Triaging, Title = "needle" },
            NewReport(At(2)) with { Status = ReportStatuses.Triaging, Category = "hate" },
            NewReport(At(3)) with { Status = ReportStatuses.Rejected, Title = "needle" },
        };
        foreach (var report in reports)
        {
            await store.AddReportAsync(report, Audit(report.Id, "received", report.ReceivedAt), [], Ct);
        }

        var all = await store.CountReportsAsync(new ReportQuery(Status: ReportStatuses.Received, After: new ReportCursor(At(1), Guid.Empty)), Ct);
        Assert.Equal(4, all.Total);
        Assert.Equal(ReportStatuses.All, all.Counts.Keys);
        Assert.Equal((1L, 2L, 1L, 0L), (all.Counts["received"], all.Counts["triaging"], all.Counts["rejected"], all.Counts["duplicate"]));

        var privacy = await store.CountReportsAsync(new ReportQuery(Category: "privacy"), Ct);
        Assert.Equal((3L, 1L), (privacy.Total, privacy.Counts["triaging"]));
        var needle = await store.CountReportsAsync(new ReportQuery(Text: "needle"), Ct);
        Assert.Equal((2L, 1L, 1L), (needle.Total, needle.Counts["triaging"], needle.Counts["rejected"]));
    }

    [Fact]
    public async Task Cursor_paging_returns_every_report_once_newest_first()
    {
        var store = await CreateStoreAsync();
        // Several reports share a received time, so the id must break ties for the cursor to work.
        var reports = Enumerable.Range(0, 23).Select(i => NewReport(At(i / 3)) with { Title = $"report {i}" }).ToList();
        foreach (var report in reports)
        {
            await store.AddReportAsync(report, Audit(report.Id, "received", report.ReceivedAt), [], Ct);
        }

        var expected = reports
            .OrderByDescending(r => r.ReceivedAt)
            .ThenByDescending(r => r.Id.ToString(), StringComparer.Ordinal)
            .Select(r => r.Id).ToList();
        var seen = new List<Guid>();
        ReportCursor? cursor = null;
        var pages = 0;
        do
        {
            var page = await store.ListReportsAsync(new ReportQuery(After: cursor, Limit: 5), Ct);
            Assert.InRange(page.Items.Count, 1, 5);
            seen.AddRange(page.Items.Select(r => r.Id));
            cursor = page.Next;
            if (cursor is not null)
            {
                // The cursor must survive its trip through a client.
                Assert.True(ReportCursor.TryDecode(cursor.Encode(), out cursor));
            }

            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(5, pages);
        Assert.Equal(expected, seen);

        // Filters and the cursor combine.
        var filtered = await store.ListReportsAsync(new ReportQuery(Text: "report", After: new ReportCursor(At(7), Guid.Empty), Limit: 5), Ct);
        Assert.Equal(reports.Where(r => r.ReceivedAt < At(7))
            .OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id.ToString(), StringComparer.Ordinal)
            .Select(r => r.Id).Take(5), filtered.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task The_audit_chain_stays_one_valid_chain_under_concurrent_updates()
    {
        var store = await CreateStoreAsync();
        var reports = new[] { NewReport(At(0)), NewReport(At(1)) };
        foreach (var report in reports)
        {
            await store.AddReportAsync(report, Audit(report.Id, "received", report.ReceivedAt), [Event("received", report.ReceivedAt)], Ct);
        }

        const int Writers = 8;
        const int UpdatesEach = 10;
        var conflicts = 0;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var id = reports[writer % reports.Length].Id;
            for (var i = 0; i < UpdatesEach; i++)
            {
                for (var attempt = 0; ; attempt++)
                {
                    Assert.True(attempt < 500, "an update kept conflicting");
                    var current = (await store.GetReportAsync(id, Ct))!;
                    var at = At(10 + current.Version);
                    var updated = current with
                    {
                        Version = current.Version + 1,
                        UpdatedAt = at,
                        Notes = [.. current.Notes, new ReportNote(at, $"writer {writer}", $"update {i}")],
                    };
                    if (await store.UpdateReportAsync(updated, current.Version, Audit(id, $"note {writer}/{i}", at), [Event("note", at)], Ct))
                    {
                        break;
                    }

                    Interlocked.Increment(ref conflicts);
                }
            }
        }, Ct)));

        var chain = new List<AuditEntry>();
        for (var page = await store.ReadAuditChainAsync(0, 7, Ct); page.Count > 0; page = await store.ReadAuditChainAsync(chain[^1].Sequence, 7, Ct))
        {
            chain.AddRange(page);
        }

        var total = reports.Length + Writers * UpdatesEach;
        var verification = AuditVerifier.Verify(chain);
        Assert.True(verification.Valid, verification.Reason);
        Assert.Equal(total, verification.Entries);
        Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), chain.Select(e => e.Sequence));
        foreach (var report in reports)
        {
            var stored = (await store.GetReportAsync(report.Id, Ct))!;
            var perReport = Writers / reports.Length * UpdatesEach;
            Assert.Equal(1 + perReport, stored.Version);
            Assert.Equal(perReport, stored.Notes.Count);
            var history = await store.GetAuditAsync(report.Id, Ct);
            Assert.Equal(1 + perReport, history.Count);
            Assert.Equal(history.Select(e => e.Sequence).Order(), history.Select(e => e.Sequence));
        }

        Assert.Equal(total, (await store.PeekOutboxAsync(1000, Ct)).Count);
    }

    [Fact]
    public async Task Audit_entries_are_linked_in_order_with_their_fields_kept()
    {
        var store = await CreateStoreAsync();
        var report = NewReport(At(0));
        var received = new AuditDraft(report.Id, At(0).AddTicks(4321), "intake", "received", """{"to":"received"}""");
        await store.AddReportAsync(report, received, [], Ct);
        await store.UpdateReportAsync(report with { Version = 2 }, 1, Audit(report.Id, "note", At(1)), [], Ct);

        var chain = await store.ReadAuditChainAsync(0, 10, Ct);
        Assert.Equal(2, chain.Count);
        Assert.Equal(AuditChain.Link(received, 1, AuditChain.GenesisHash), chain[0]);
        Assert.Equal(chain[0].Hash, chain[1].PreviousHash);
        Assert.Equal([chain[1]], await store.ReadAuditChainAsync(1, 10, Ct));
        Assert.Equal([chain[0]], await store.ReadAuditChainAsync(0, 1, Ct));
        Assert.Equal(chain, await store.GetAuditAsync(report.Id, Ct));
        Assert.Empty(await store.GetAuditAsync(Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task An_entry_about_no_report_joins_the_chain_and_changes_no_report()
    {
        var store = await CreateStoreAsync();
        var report = NewReport(At(0));
        await store.AddReportAsync(report, Audit(report.Id, "received", At(0)), [], Ct);

        var export = AuditExportRecord.Record("admin@example.org", At(1));
        await store.AppendAuditAsync(export, Ct);
        await store.UpdateReportAsync(report with { Version = 2 }, 1, Audit(report.Id, "note", At(2)), [], Ct);

        var chain = await store.ReadAuditChainAsync(0, 10, Ct);
        Assert.Equal(["received", AuditExportRecord.Action, "note"], chain.Select(e => e.Action));
        Assert.Equal(AuditChain.Link(export, 2, chain[0].Hash), chain[1]);
        Assert.Equal(chain[1].Hash, chain[2].PreviousHash);
        Assert.Equal(2, (await store.GetReportAsync(report.Id, Ct))!.Version);
        Assert.DoesNotContain(await store.GetAuditAsync(report.Id, Ct), e => e.Action == AuditExportRecord.Action);
    }

    [Fact]
    public async Task The_outbox_gives_events_in_the_order_written_and_removes_them_by_id()
    {
        var store = await CreateStoreAsync();
        var report = NewReport(At(0));
        var first = Event("first", At(5));
        var second = Event("second", At(1));
        var third = Event("third", At(3));
        await store.AddReportAsync(report, Audit(report.Id, "received", At(0)), [first, second], Ct);
        await store.UpdateReportAsync(report with { Version = 2 }, 1, Audit(report.Id, "note", At(1)), [third], Ct);

        Assert.Equal([first, second, third], await store.PeekOutboxAsync(10, Ct));
        Assert.Equal([first, second], await store.PeekOutboxAsync(2, Ct));

        await store.RemoveFromOutboxAsync([first.Id, third.Id, Guid.NewGuid()], Ct);
        Assert.Equal([second], await store.PeekOutboxAsync(10, Ct));
        await store.RemoveFromOutboxAsync([second.Id], Ct);
        Assert.Empty(await store.PeekOutboxAsync(10, Ct));
    }

    [Fact]
    public async Task The_store_answers_a_ping()
    {
        var store = await CreateStoreAsync();
        await store.PingAsync(Ct);
    }

    private static Report NewReport(DateTimeOffset receivedAt) => new()
    {
        Id = Guid.NewGuid(),
        Status = ReportStatuses.Received,
        Version = 1,
        Model = new ModelReference("huggingface", "org/model", "main", "https://huggingface.co/org/model"),
        Category = "privacy",
        Severity = "medium",
        Title = "Leaks home addresses",
        Description = "Asked for a person's address, the model gives one.",
        Evidence = [new EvidenceItem("prompt", "Where does X live?")],
        ProtectedContact = "protected-contact",
        ContactAllowed = true,
        ReceivedAt = receivedAt,
        UpdatedAt = receivedAt,
    };

    /// <summary>The ids of <paramref name="reports"/> in the queue's order for <paramref name="sort"/> (ties by id, as the stores break them).</summary>
    private static IEnumerable<Guid> InQueueOrder(IEnumerable<Report> reports, ReportSort sort)
    {
        var sla = new SlaOptions();
        var ordered = sort switch
        {
            ReportSort.Oldest => reports.OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id.ToString(), StringComparer.Ordinal),
            ReportSort.Deadline => reports.OrderBy(r => SlaPolicy.Deadline(sla, r.ReceivedAt, r.Severity)).ThenBy(r => r.Id.ToString(), StringComparer.Ordinal),
            _ => reports.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id.ToString(), StringComparer.Ordinal),
        };
        return ordered.Select(r => r.Id);
    }

    /// <summary>Every page of <paramref name="query"/>, following the cursors (each through its encoded form), as ids.</summary>
    private static async Task<List<Guid>> AllPagesAsync(ITriageStore store, ReportQuery query)
    {
        var seen = new List<Guid>();
        ReportCursor? cursor = null;
        for (var pages = 0; pages < 50; pages++)
        {
            var page = await store.ListReportsAsync(query with { After = cursor }, Ct);
            seen.AddRange(page.Items.Select(r => r.Id));
            if (page.Next is null)
            {
                return seen;
            }

            Assert.True(ReportCursor.TryDecode(page.Next.Encode(), out cursor));
        }

        throw new InvalidOperationException("The cursor never ended.");
    }

    private static AuditDraft Audit(Guid reportId, string action, DateTimeOffset at) =>
        new(reportId, at, "maintainer@example.org", action, $$"""{"action":"{{action}}"}""");

    private static OutboxMessage Event(string title, DateTimeOffset at) =>
        new(Guid.NewGuid(), "SafetyReports.Contracts.ReportStatusChanged", $$"""{"title":"{{title}}"}""", at);
}
