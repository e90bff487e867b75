using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SafetyReports.AuditTool;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.Triage.Storage;

namespace SafetyReports.IntegrationTests.Triage;

/// <summary>The export and verify endpoints on a Standalone of their own (these tests tamper with its triage.db).</summary>
public sealed class AuditExportTests : IAsyncLifetime
{
    private StandaloneSystem? _system;

    private StandaloneSystem System => _system!;

    private SystemUnderTest Api => System.Api;

    public async ValueTask InitializeAsync()
    {
        _system = await StandaloneSystem.StartAsync();
        for (var i = 0; i < 2; i++)
        {
            var (id, _) = await Api.SubmitAsync(SystemUnderTest.Report("hub-audit", "org/model", $"Audited {i}"));
            await Api.TriageReportAsync(id);
            using var note = await Api.SendAsync(HttpMethod.Post, Api.Urls.Triage, $"/api/v1/triage/reports/{id}/notes", TestClients.Triager, new { text = $"note {i}" });
            Assert.Equal(HttpStatusCode.OK, note.StatusCode);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_system is not null)
        {
            await _system.DisposeAsync();
        }
    }

    private SqliteConnection OpenDatabase()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(System.DataDirectory, TriageStoreFactory.SqliteFileName), Pooling = false, DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        return connection;
    }

    private async Task<JsonNode> VerifyAsync()
    {
        using var response = await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, "/api/v1/triage/audit/verify", TestClients.Triager);
        return await SystemUnderTest.JsonAsync(response);
    }

    [Fact]
    public async Task The_export_is_the_whole_chain_oldest_first_as_the_per_report_audit_shows_it_and_the_cli_verifies_it()
    {
        using var response = await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, "/api/v1/triage/audit/export", TestClients.TriageAdmin);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();

        Assert.Equal(Enumerable.Range(1, lines.Count).Select(i => (long)i), lines.Select(l => l["sequence"]!.GetValue<long>()));
        var reportId = lines[0]["reportId"]!.GetValue<string>();
        using var audit = await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, $"/api/v1/triage/reports/{reportId}/audit", TestClients.Triager);
        var perReport = (await SystemUnderTest.JsonAsync(audit)).AsArray();
        Assert.Equal(perReport.Select(e => e!.ToJsonString()), lines.Where(l => l["reportId"]!.GetValue<string>() == reportId).Select(l => l.ToJsonString()));

        var verify = await VerifyAsync();
        Assert.Equal(lines.Count, verify["entries"]!.GetValue<long>());
        Assert.Equal(lines[^1]["hash"]!.GetValue<string>(), verify["head"]!.GetValue<string>());

        var file = Path.Combine(System.DataDirectory, "export.ndjson");
        await File.WriteAllTextAsync(file, text, TestContext.Current.CancellationToken);
        var output = new StringWriter();
        Assert.Equal(0, AuditToolProgram.Run(["verify", file], output, new StringWriter()));
        Assert.Contains($"head {verify["head"]!.GetValue<string>()}", output.ToString());
    }

    [Fact]
    public async Task Only_an_admin_exports_the_chain_and_each_export_is_an_entry_saying_who_and_when()
    {
        using (var triager = await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, "/api/v1/triage/audit/export", TestClients.Triager))
        {
            Assert.Equal(HttpStatusCode.Forbidden, triager.StatusCode);
        }

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var first = await ExportAsync();
        var second = await ExportAsync();

        // Each export ends with its own entry: about no report, holding only who and when.
        var entry = first[^1];
        Assert.Equal("audit_exported", entry["action"]!.GetValue<string>());
        Assert.Equal(Guid.Empty, entry["reportId"]!.GetValue<Guid>());
        Assert.Equal(TestClients.TriageAdmin.ClientId, entry["actor"]!.GetValue<string>());
        Assert.InRange(entry["at"]!.GetValue<DateTimeOffset>(), before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal("{}", entry["data"]!.GetValue<string>());
        Assert.Equal(first.Count + 1, second.Count);
        Assert.Equal("audit_exported", second[^1]["action"]!.GetValue<string>());
        Assert.True((await VerifyAsync())["valid"]!.GetValue<bool>());
        // The triager's refused attempt exported nothing and recorded nothing.
        Assert.Equal(Exports(first) + 1, Exports(second));

        static int Exports(List<JsonNode> chain) => chain.Count(e => e["action"]!.GetValue<string>() == "audit_exported");

        async Task<List<JsonNode>> ExportAsync()
        {
            using var response = await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, "/api/v1/triage/audit/export", TestClients.TriageAdmin);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        }
    }

    [Fact]
    public async Task Verify_finds_each_kind_of_tampering_in_the_running_systems_database()
    {
        using var connection = OpenDatabase();
        var intact = AuditTampering.Snapshot(connection);
        Assert.True((await VerifyAsync())["valid"]!.GetValue<bool>());

        foreach (var kind in AuditTampering.Kinds)
        {
            var firstBad = AuditTampering.Apply(connection, kind);
            var verify = await VerifyAsync();
            Assert.False(verify["valid"]!.GetValue<bool>(), kind);
            Assert.Equal(firstBad, verify["firstInvalidSequence"]!.GetValue<long>());
            Assert.False(string.IsNullOrEmpty(verify["reason"]!.GetValue<string>()));

            AuditTampering.Restore(connection, intact);
            Assert.True((await VerifyAsync())["valid"]!.GetValue<bool>(), $"restored after {kind}");
        }
    }
}
