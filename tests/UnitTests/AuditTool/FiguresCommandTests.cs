using System.Text.Json;
using System.Text.Json.Nodes;
using SafetyReports.AuditTool;
using SafetyReports.Contracts;
using SafetyReports.ServiceDefaults.Hosting;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Transparency;
using SafetyReports.UnitTests.Triage.Transparency;

namespace SafetyReports.UnitTests.AuditTool;

/// <summary><c>AuditTool figures</c> on export files: verified first, then recomputed as the service computes its figures.</summary>
public sealed class FiguresCommandTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AsOf = new(2026, 4, 20, 12, 0, 0, TimeSpan.Zero);
    private const string Maintainer = "ana@example.org";

    private readonly string _directory = Directory.CreateTempSubdirectory("figures-").FullName;
    private readonly AuditedReports _store = new();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static JsonSerializerOptions ApiJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ServiceDefaultsExtensions.ConfigureJson(options);
        return options;
    }

    private Guid Receive(string model, DateTimeOffset at)
    {
        var submitted = new ReportSubmitted(Guid.NewGuid(), at, new ModelReference("hub", model), "hate", null, "Title", "Description", [], null, false);
        var (report, audit, _) = ReportReceipt.Receive(submitted, at.AddSeconds(2));
        return _store.Write(report, audit).Id;
    }

    private void Move(Guid id, string to, DateTimeOffset at) =>
        _store.Write(ReportWorkflow.Apply(_store[id], new TransitionRequest(to, "high", null, null, null, null, _store[id].Version), Maintainer, at));

    /// <summary>
    /// Three reports on hub: org/a's triaged after 30 and 90 minutes, the first notified and acknowledged; org/b's
    /// triaged after 2 hours, then rejected.
    /// Returns the chain's point after the second triage, before the notification.
    /// </summary>
    private (IReadOnlyList<Report> Reports, AuditEntry Head) Seed()
    {
        var first = Receive("org/a", T0);
        var second = Receive("org/a", T0.AddDays(1));
        var third = Receive("org/b", T0.AddDays(2));
        Move(first, ReportStatuses.Triaged, T0.AddMinutes(30));
        Move(second, ReportStatuses.Triaged, T0.AddDays(1).AddMinutes(90));
        var earlier = (_store.Reports.Values.ToList(), _store.Head);
        _store.Write(SystemMoves.RecordDelivery(_store[first], new WebhookDelivered(first, "hub", Guid.NewGuid(), "msg_1", "report.triaged", T0.AddHours(1)), T0.AddHours(1)));
        _store.Write(SystemMoves.RecordAcknowledgement(_store[first], new HostAcknowledged(first, "hub", null, T0.AddHours(3)), T0.AddHours(3)));
        Move(third, ReportStatuses.Triaged, T0.AddDays(2).AddHours(2));
        Move(third, ReportStatuses.Rejected, T0.AddDays(2).AddHours(3));
        return earlier;
    }

    private string Export(IEnumerable<string>? lines = null)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.ndjson");
        File.WriteAllLines(path, lines ?? _store.Export().Select(AuditExportFormat.Line));
        return path;
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = AuditToolProgram.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string[] Figures(string export, params string[] more) =>
        ["figures", export, "--as-of", AsOf.ToString("O"), "--from", "2026-03", "--to", "2026-04", "--threshold", "1", .. more];

    private static TransparencyFigures Expected(IEnumerable<Report> reports, AuditEntry point, string? host = null) =>
        TransparencyRecompute.Figures(reports.Select(TransparencyFacts.From), new TransparencyOptions { SuppressionThreshold = 1 },
            new TransparencyPeriod(202603, 202604), AsOf, host, new AuditPoint(point.Sequence, point.Hash));

    [Fact]
    public void An_intact_export_gives_the_figures_of_the_stored_reports_as_the_api_serialises_them()
    {
        Seed();

        var (code, output, error) = Run(Figures(Export(), "--hosts"));

        Assert.Equal(0, code);
        Assert.Equal(JsonSerializer.Serialize(Expected(_store.Reports.Values, _store.Head), ApiJson()) + Environment.NewLine, output);
        Assert.StartsWith($"valid: {_store.Export().Count} entries, head {_store.Head.Hash}", error);

        var hub = JsonNode.Parse(output)!["groups"]!.AsArray().Single()!;
        Assert.Equal((3, 3, 1, 1), (hub["reports"]!.GetValue<long>(), hub["triaged"]!.GetValue<long>(),
            hub["byStatus"]!["acknowledged"]!.GetValue<long>(), hub["byStatus"]!["rejected"]!.GetValue<long>()));
        Assert.Equal((3, 90 * 60, 120 * 60), (hub["timeToTriage"]!["count"]!.GetValue<long>(),
            hub["timeToTriage"]!["medianSeconds"]!.GetValue<long>(), hub["timeToTriage"]!["p90Seconds"]!.GetValue<long>()));
    }

    [Fact]
    public void Up_to_a_sequence_the_figures_are_those_of_the_reports_as_they_were_then()
    {
        var (earlier, point) = Seed();

        var (code, output, _) = Run(Figures(Export(), "--hosts", "--up-to-sequence", point.Sequence.ToString()));

        Assert.Equal(0, code);
        Assert.Equal(JsonSerializer.Serialize(Expected(earlier, point), ApiJson()) + Environment.NewLine, output);
        var hub = JsonNode.Parse(output)!["groups"]!.AsArray().Single()!;
        Assert.Equal((2, 0), (hub["byStatus"]!["triaged"]!.GetValue<long>(), hub["acknowledgement"]!["notified"]!.GetValue<long>()));
        Assert.Equal(point.Hash, JsonNode.Parse(output)!["audit"]!["hash"]!.GetValue<string>());
    }

    [Fact]
    public void The_models_of_a_host_and_csv_are_recomputed_alike()
    {
        Seed();
        var export = Export();

        var models = Run(Figures(export, "--models", "hub"));
        var csv = Run(Figures(export, "--models", "hub", "--csv"));

        Assert.Equal(JsonSerializer.Serialize(Expected(_store.Reports.Values, _store.Head, "hub"), ApiJson()) + Environment.NewLine, models.Output);
        Assert.Equal(["org/a", "org/b"], JsonNode.Parse(models.Output)!["groups"]!.AsArray().Select(g => g!["model"]!.GetValue<string>()));
        Assert.Equal((0, TransparencyCsv.Write(Expected(_store.Reports.Values, _store.Head, "hub"))), (csv.Code, csv.Output));
        Assert.Equal(3, csv.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void The_hosts_responses_and_the_contests_of_them_are_recomputed_from_the_export()
    {
        Seed();
        var reports = _store.Reports.Values.Where(r => r.TriagedAt is not null).Select(r => r.Id).ToList();
        foreach (var (id, i) in reports.Select((id, i) => (id, i)))
        {
            _store.Write(HostResponseMoves.Record(_store[id],
                new HostResponded(id, "hub", 1, HostResponseActions.NoAction, null, null, "within our terms", false, null, T0.AddDays(3 + i),
                    DecisionGrounds.IncompatibleWithTerms, TermsReference: "§4", TerritorialScope: ["worldwide"]), T0.AddDays(3 + i)));
        }

        // One contested twice (two revisions counted once), forwarded and closed; the thread and a notice edit change no figure.
        var contested = reports[0];
        _store.Write(HostResponseMoves.Record(_store[contested],
            new HostResponded(contested, "hub", 2, HostResponseActions.Removed, null, null, "removed after all", false, null, T0.AddDays(9)), T0.AddDays(9)));
        foreach (var revision in new[] { 1, 2 })
        {
            var contest = new ReporterContested(contested, ContestIds.For(contested, "hub", revision), "hub", revision, "no", T0.AddDays(8 + revision));
            _store.Write(ReportContests.Record(_store[contested], contest, T0.AddDays(8 + revision)));
            _store.Write(ReportContests.Forward(_store[contested], contest.ContestId, new ContestForwardRequest(null, null, _store[contested].Version),
                Maintainer, T0.AddDays(8 + revision).AddHours(1)));
        }

        _store.Write(ReportContests.Close(_store[contested], ContestIds.For(contested, "hub", 1), new ContestCloseRequest("settled", _store[contested].Version),
            Maintainer, T0.AddDays(11)));
        _store.Write(HostThread.Send(_store[contested], Guid.NewGuid(), "thanks", Maintainer, T0.AddDays(11)));
        _store.Write(ReportNotices.Edit(_store[contested], new NoticeUpdateRequest(false, [], null, _store[contested].Version), Maintainer, T0.AddDays(12)));

        var (code, output, error) = Run(Figures(Export(), "--hosts"));

        Assert.Equal(0, code);
        Assert.Equal(JsonSerializer.Serialize(Expected(_store.Reports.Values, _store.Head), ApiJson()) + Environment.NewLine, output);
        Assert.DoesNotContain("unknown", error, StringComparison.OrdinalIgnoreCase);
        var hub = JsonNode.Parse(output)!["groups"]!.AsArray().Single()!;
        Assert.Equal((3L, 1L, 0.3333), (hub["responded"]!.GetValue<long>(), hub["contested"]!.GetValue<long>(), hub["contestedShare"]!.GetValue<double>()));
    }

    public static TheoryData<string> Tamperings() => ["edited", "deleted", "reordered", "inserted"];

    [Theory]
    [MemberData(nameof(Tamperings))]
    public void A_tampered_export_is_refused_and_nothing_is_recomputed(string kind)
    {
        Seed();
        var lines = _store.Export().Select(AuditExportFormat.Line).ToList();
        switch (kind)
        {
            case "edited":
                var edited = lines[0].Replace("hate", "privacy", StringComparison.Ordinal);
                Assert.NotEqual(lines[0], edited);
                lines[0] = edited;
                break;
            case "deleted":
                lines.RemoveAt(4);
                break;
            case "reordered":
                (lines[3], lines[4]) = (lines[4], lines[3]);
                break;
            default:
                lines.Insert(5, lines[4]);
                break;
        }

        var (code, output, _) = Run(Figures(Export(lines), "--hosts"));

        Assert.Equal(1, code);
        Assert.StartsWith("INVALID at sequence ", output);
        Assert.DoesNotContain("groups", output);
    }

    [Fact]
    public void A_chain_rebuilt_after_an_edit_is_valid_on_its_own_but_not_against_the_recorded_head()
    {
        Seed();
        var recorded = _store.Head.Hash;
        var rebuilt = new List<AuditEntry>();
        foreach (var entry in _store.Export())
        {
            var draft = new AuditDraft(entry.ReportId, entry.At, entry.Actor, entry.Action, entry.Data.Replace("hate", "privacy", StringComparison.Ordinal));
            rebuilt.Add(AuditChain.Link(draft, entry.Sequence, rebuilt.Count == 0 ? AuditChain.GenesisHash : rebuilt[^1].Hash));
        }

        var export = Export(rebuilt.Select(AuditExportFormat.Line));

        Assert.Equal(0, Run(Figures(export, "--hosts")).Code);
        var (code, output, _) = Run(Figures(export, "--hosts", "--expect-head", recorded));
        Assert.Equal(1, code);
        Assert.StartsWith($"INVALID: the recorded head {recorded} is not in this chain", output);
        Assert.DoesNotContain("groups", output);
    }

    [Fact]
    public void An_intact_chain_the_replay_cannot_read_one_that_ends_before_the_sequence_asked_or_a_missing_file_is_exit_code_2()
    {
        Seed();
        var unreadable = Export([AuditExportFormat.Line(AuditChain.Link(new AuditDraft(Guid.NewGuid(), T0, "intake", "received", "{}"), 1, AuditChain.GenesisHash))]);

        var (code, _, error) = Run(Figures(unreadable, "--hosts"));
        Assert.Equal(2, code);
        Assert.Contains("cannot recompute the figures: entry 1 (received): its data has no model.host", error);

        var beyond = Run(Figures(Export(), "--hosts", "--up-to-sequence", (_store.Head.Sequence + 1).ToString()));
        Assert.Equal((2, ""), (beyond.Code, beyond.Output));
        Assert.Contains($"the export ends at sequence {_store.Head.Sequence}", beyond.Error);

        var missing = Run(Figures(Path.Combine(_directory, "missing.ndjson"), "--hosts"));
        Assert.Equal((2, ""), (missing.Code, missing.Output));
        Assert.Contains("cannot read the chain", missing.Error);
    }

    [Theory]
    [InlineData("figures")]
    [InlineData("figures", "x.ndjson", "--as-of", "2026-04-20T00:00:00Z")]
    [InlineData("figures", "x.ndjson", "--hosts", "--models", "hub", "--as-of", "2026-04-20T00:00:00Z")]
    [InlineData("figures", "x.ndjson", "--hosts")]
    [InlineData("figures", "x.ndjson", "--hosts", "--as-of", "yesterday")]
    [InlineData("figures", "x.ndjson", "--hosts", "--as-of", "2026-04-20T00:00:00Z", "--from", "2026-13")]
    [InlineData("figures", "x.ndjson", "--hosts", "--as-of", "2026-04-20T00:00:00Z", "--threshold", "0")]
    [InlineData("figures", "x.ndjson", "--hosts", "--as-of", "2026-04-20T00:00:00Z", "--ack-sla-seconds", "-5")]
    [InlineData("figures", "x.ndjson", "--hosts", "--as-of", "2026-04-20T00:00:00Z", "--up-to-sequence", "0")]
    [InlineData("figures", "x.ndjson", "--hosts", "--as-of", "2026-04-20T00:00:00Z", "--bogus")]
    public void Bad_usage_is_exit_code_2_with_the_usage(params string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.Equal((2, ""), (code, output));
        Assert.Contains("usage: AuditTool", error);
    }
}
