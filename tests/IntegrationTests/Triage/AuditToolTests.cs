using Microsoft.Data.Sqlite;
using SafetyReports.AuditTool;
using SafetyReports.Contracts;
using SafetyReports.IntegrationTests.Storage;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Storage;

namespace SafetyReports.IntegrationTests.Triage;

/// <summary>The audit CLI, run in-process, on an export file and on a triage.db it opens read-only.</summary>
public sealed class AuditToolTests : IDisposable
{
    private readonly TempSqliteFile _file = new(TriageStoreFactory.SqliteFileName);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _file.Dispose();

    private async Task<IReadOnlyList<AuditEntry>> SeedAsync()
    {
        var store = new SqliteTriageStore(_file.Path);
        var at = new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 3; i++)
        {
            var report = new Report
            {
                Id = Guid.NewGuid(), Status = ReportStatuses.Received, Version = 1, Model = new ModelReference("hub", "org/model"),
                Category = "hate", Title = $"report {i}", Description = "d", ReceivedAt = at.AddMinutes(i), UpdatedAt = at.AddMinutes(i),
            };
            await store.AddReportAsync(report, new AuditDraft(report.Id, report.ReceivedAt, "intake", "received", "{}"), [], Ct);
            var (noted, audit) = InternalNote.Add(report, $"note {i}", "ana@example.org", report.ReceivedAt.AddSeconds(30));
            await store.UpdateReportAsync(noted, 1, audit, [], Ct);
        }

        SqliteConnection.ClearAllPools();
        return await store.ReadAuditChainAsync(0, 100, Ct);
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = AuditToolProgram.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string WriteExport(IEnumerable<string> lines)
    {
        var path = Path.Combine(Path.GetDirectoryName(_file.Path)!, $"export-{Guid.NewGuid():N}.ndjson");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public async Task An_intact_export_and_database_verify_with_their_entry_count_and_head()
    {
        var chain = await SeedAsync();
        var export = WriteExport(chain.Select(AuditExportFormat.Line));

        var fromExport = Run("verify", export);
        Assert.Equal((0, $"valid: 6 entries, head {chain[^1].Hash}\n"), (fromExport.Code, fromExport.Output.ReplaceLineEndings("\n")));
        var fromDatabase = Run("verify", "--sqlite", _file.Path);
        Assert.Equal((0, fromExport.Output), (fromDatabase.Code, fromDatabase.Output));
    }

    public static TheoryData<string> Kinds() => [.. AuditTampering.Kinds];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Tampering_with_the_database_is_found_at_the_first_bad_entry(string kind)
    {
        await SeedAsync();
        long firstBad;
        using (var connection = _file.Open())
        {
            firstBad = AuditTampering.Apply(connection, kind);
        }

        var (code, output, _) = Run("verify", "--sqlite", _file.Path);
        Assert.Equal(1, code);
        Assert.StartsWith($"INVALID at sequence {firstBad}:", output);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Tampering_with_an_export_is_found(string kind)
    {
        var lines = (await SeedAsync()).Select(AuditExportFormat.Line).ToList();
        switch (kind)
        {
            case "edited":
                lines[1] = lines[1].Replace("note 0", "note X", StringComparison.Ordinal);
                break;
            case "inserted":
                lines.Insert(2, lines[1]);
                break;
            case "reordered":
                (lines[1], lines[2]) = (lines[2], lines[1]);
                break;
            default:
                lines.RemoveAt(1);
                break;
        }

        var (code, output, _) = Run("verify", WriteExport(lines));
        Assert.Equal(1, code);
        Assert.StartsWith("INVALID at sequence ", output);
    }

    [Fact]
    public async Task Entries_cut_from_the_end_are_found_against_a_head_recorded_earlier_and_growth_is_not_mistaken_for_it()
    {
        var chain = await SeedAsync();
        var recorded = chain[^1].Hash;
        var earlier = chain[^3].Hash;

        var truncated = Run("verify", WriteExport(chain.Take(chain.Count - 2).Select(AuditExportFormat.Line)), "--expect-head", recorded);
        var intact = Run("verify", WriteExport(chain.Select(AuditExportFormat.Line)), "--expect-head", recorded);
        var grown = Run("verify", "--sqlite", _file.Path, "--expect-head", earlier);
        var unknown = Run("verify", "--sqlite", _file.Path, "--expect-head", new string('0', 64));

        Assert.Equal(1, truncated.Code);
        Assert.Contains(recorded, truncated.Output);
        Assert.Equal(0, intact.Code);
        Assert.Equal(0, grown.Code);
        Assert.Equal(1, unknown.Code);
    }

    [Fact]
    public async Task A_line_that_is_not_an_entry_is_invalid_and_bad_usage_or_a_missing_file_is_exit_code_2()
    {
        var lines = (await SeedAsync()).Select(AuditExportFormat.Line).ToList();
        lines[3] = "{\"sequence\":4";
        var (code, output, _) = Run("verify", WriteExport(lines));
        Assert.Equal(1, code);
        Assert.Contains("line 4 is not an audit entry (after 3 intact entries", output);

        Assert.Equal(2, Run().Code);
        Assert.Equal(2, Run("check", "x").Code);
        Assert.Equal(2, Run("verify", Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.ndjson")).Code);
        Assert.Equal(2, Run("verify", "--sqlite", Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.db")).Code);
    }

    [Fact]
    public async Task The_tool_opens_the_database_read_only()
    {
        await SeedAsync();
        var before = File.GetLastWriteTimeUtc(_file.Path);
        var length = new FileInfo(_file.Path).Length;
        Assert.Equal(0, Run("verify", "--sqlite", _file.Path).Code);
        Assert.Equal((before, length), (File.GetLastWriteTimeUtc(_file.Path), new FileInfo(_file.Path).Length));
    }
}
