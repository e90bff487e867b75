using System.Net;
using System.Text.Json.Nodes;
using SafetyReports.AuditTool;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Transparency;

/// <summary>
/// The published figures, recomputed by <c>AuditTool figures</c> from the audit export of the running system,
/// come out byte for byte as the transparency API serves them, as JSON and as CSV, per host and per model.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class FiguresFromExportTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private const string Host = "hub-a";
    private StandaloneSystem? _system;
    private WebhookReceiver? _receiver;

    private SystemUnderTest Api => _system!.Api;

    // A threshold of 2 lists a host and a model with a handful of reports.
    public async ValueTask InitializeAsync()
    {
        _system = await StandaloneSystem.StartAsync(new Dictionary<string, string> { ["SafetyReports:Triage:Transparency:SuppressionThreshold"] = "2" });
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_receiver is not null)
        {
            await _receiver.DisposeAsync();
        }

        if (_system is not null)
        {
            await _system.DisposeAsync();
        }
    }

    private async Task<JsonNode> PostAsync(string baseUrl, string path, TestClient client, object body)
    {
        using var response = await Api.SendAsync(HttpMethod.Post, baseUrl, path, client, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await SystemUnderTest.JsonAsync(response);
    }

    private async Task<JsonNode> MoveAsync(Guid id, string to, object? extra = null)
    {
        var report = await Api.TriageReportAsync(id);
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(extra ?? new { }))!.AsObject();
        body["to"] = to;
        body["expectedVersion"] = report["version"]!.GetValue<long>();
        return await PostAsync(Api.Urls.Triage, $"/api/v1/triage/reports/{id}/transitions", TestClients.Triager, body);
    }

    /// <summary>
    /// Six reports on two models of hub-a: four triaged and announced by webhook (two acknowledged, one answered
    /// with a statement), one reclassified and rejected after a request for information, one left received.
    /// </summary>
    private async Task SeedAsync()
    {
        var prefix = $"org-{Guid.NewGuid():N}"[..16];
        using (var created = await Api.SendAsync(HttpMethod.Post, Api.Urls.Notification, "/api/v1/hosts", TestClients.Admin,
                   new { id = Host, name = "Hub A", contactEmail = "security@hub-a.example" }))
        {
            Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"create host: {created.StatusCode}");
        }

        await PostAsync(Api.Urls.Notification, $"/api/v1/hosts/{Host}/subscriptions", TestClients.Admin,
            new { url = $"{_receiver!.BaseUrl}/hooks", events = new[] { "report.triaged" }, modelPatterns = new[] { prefix + "/*" } });

        var ids = new List<Guid>();
        foreach (var model in new[] { "m1", "m1", "m2", "m2", "m1", "m2" })
        {
            ids.Add((await Api.SubmitAsync(SystemUnderTest.Report(Host, $"{prefix}/{model}", $"Figures {ids.Count}"))).Id);
        }

        foreach (var id in ids.Take(4))
        {
            await MoveAsync(id, "triaged");
            await Api.TriageReportAsync(id, r => r["status"]!.GetValue<string>() == "host_notified", Patience);
        }

        foreach (var id in ids.Take(2))
        {
            await PostAsync(Api.Urls.Notification, $"/api/v1/host/reports/{id}/acknowledge", TestClients.HostA, new { note = "Looking into it" });
        }

        await PostAsync(Api.Urls.Notification, $"/api/v1/host/reports/{ids[0]}/response", TestClients.HostA,
            new { action = "removed", scope = "the repository, worldwide", until = (string?)null, grounds = "Policy §3", automated = true, note = (string?)null });

        var reclassified = await Api.TriageReportAsync(ids[4]);
        await PostAsync(Api.Urls.Triage, $"/api/v1/triage/reports/{ids[4]}/classification", TestClients.Triager,
            new { category = "privacy", expectedVersion = reclassified["version"]!.GetValue<long>() });
        await MoveAsync(ids[4], "needs_info", new { publicNote = "Which prompt?" });
        await MoveAsync(ids[4], "rejected");

        await Api.TriageReportAsync(ids[0], r => r["status"]!.GetValue<string>() == "acknowledged" && r["hostResponse"] is not null, Patience);
        await Api.TriageReportAsync(ids[1], r => r["status"]!.GetValue<string>() == "acknowledged", Patience);
        await Api.TriageReportAsync(ids[5]);
    }

    private async Task<string> GetTextAsync(string path, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, SystemUnderTest.Url(Api.Urls.Triage, path));
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var http = new HttpClient();
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    private async Task<string> ExportAsync()
    {
        using var response = await Api.SendAsync(HttpMethod.Get, Api.Urls.Triage, "/api/v1/triage/audit/export", TestClients.TriageAdmin);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var file = Path.Combine(_system!.DataDirectory, $"export-{Guid.NewGuid():N}.ndjson");
        await File.WriteAllTextAsync(file, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        return file;
    }

    /// <summary>Runs the tool with what the published figures say about themselves: moment, period, threshold, SLA and audit point.</summary>
    private static (int Code, string Output, string Error) Recompute(string export, JsonNode published, params string[] scope) =>
        RecomputeAt(published["asOf"]!.GetValue<string>(), export, published, scope);

    private static (int Code, string Output, string Error) RecomputeAt(string asOf, string export, JsonNode published, params string[] scope)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] args =
        [
            "figures", export, .. scope,
            "--as-of", asOf,
            "--from", published["from"]!.GetValue<string>(), "--to", published["to"]!.GetValue<string>(),
            "--threshold", published["suppressionThreshold"]!.GetValue<int>().ToString(),
            "--ack-sla-seconds", published["acknowledgementSlaSeconds"]!.GetValue<long>().ToString(),
            "--up-to-sequence", published["audit"]!["sequence"]!.GetValue<long>().ToString(),
        ];
        var code = AuditToolProgram.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task The_figures_recomputed_from_the_export_equal_the_published_ones()
    {
        await SeedAsync();

        var hostsJson = await GetTextAsync("/api/v1/transparency/hosts");
        var modelsJson = await GetTextAsync($"/api/v1/transparency/models?host={Host}");
        var hosts = JsonNode.Parse(hostsJson)!;
        var models = JsonNode.Parse(modelsJson)!;
        // A report stored after the figures were read: the tool must stop at the figures' audit point.
        var (late, _) = await Api.SubmitAsync(SystemUnderTest.Report(Host, "late/model", "After the figures"));
        await Api.TriageReportAsync(late);
        var export = await ExportAsync();
        Assert.True(File.ReadLines(export).Count() > hosts["audit"]!["sequence"]!.GetValue<long>());

        var hub = hosts["groups"]!.AsArray().Single(g => g!["host"]!.GetValue<string>() == Host)!;
        Assert.Equal((2, 6L, 4L), (hosts["suppressionThreshold"]!.GetValue<int>(), hub["reports"]!.GetValue<long>(), hub["triaged"]!.GetValue<long>()));
        Assert.Equal(2, models["groups"]!.AsArray().Count);

        var recomputedHosts = Recompute(export, hosts, "--hosts");
        Assert.True(recomputedHosts.Code == 0, recomputedHosts.Error);
        Assert.Equal(hostsJson, recomputedHosts.Output.TrimEnd('\n', '\r'));

        var recomputedModels = Recompute(export, models, "--models", Host);
        Assert.Equal((0, modelsJson), (recomputedModels.Code, recomputedModels.Output.TrimEnd('\n', '\r')));
    }

    [Fact]
    public async Task The_csv_recomputed_from_the_export_equals_the_published_csv()
    {
        await SeedAsync();

        // Read between two JSON answers with the same audit point, so the CSV's own audit columns can be checked against it.
        var (before, csv) = await Eventually.UntilAsync<CsvReading>(async () =>
        {
            var before = JsonNode.Parse(await GetTextAsync("/api/v1/transparency/hosts"))!;
            var csv = await GetTextAsync("/api/v1/transparency/hosts", "text/csv");
            var after = JsonNode.Parse(await GetTextAsync("/api/v1/transparency/hosts"))!;
            return before["audit"]!.ToJsonString() == after["audit"]!.ToJsonString() ? new CsvReading(before, csv) : null;
        }, Patience, "a CSV read while the audit chain stood still");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var asOf = lines[1].Split(',')[Array.IndexOf(header, "as_of")];
        Assert.Equal(2, lines.Length);
        Assert.Equal(before["audit"]!["sequence"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture),
            lines[1].Split(',')[Array.IndexOf(header, "audit_sequence")]);
        Assert.Equal(before["audit"]!["hash"]!.GetValue<string>(), lines[1].Split(',')[Array.IndexOf(header, "audit_hash")]);

        var recomputed = RecomputeAt(asOf, await ExportAsync(), before, "--hosts", "--csv");

        Assert.Equal((0, csv), (recomputed.Code, recomputed.Output));
    }

    private sealed record CsvReading(JsonNode Json, string Csv);
}
