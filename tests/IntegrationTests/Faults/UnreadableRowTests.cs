using System.Net;
using System.Text.Json.Nodes;
using SafetyReports.Intake.Storage;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.Triage.Storage;

namespace SafetyReports.IntegrationTests.Faults;

/// <summary>
/// One row that cannot be read never stops a queue: on a running Standalone, a submission whose stored payload is damaged
/// and an outbox row that is no message are set aside, readiness shows them (still ready), and what comes after flows.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class UnreadableRowTests(StandaloneFixture fixture) : IClassFixture<StandaloneFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private StandaloneSystem System => fixture.System;

    [Fact]
    public async Task A_damaged_submission_is_set_aside_and_shown_in_readiness_and_the_reports_after_it_reach_Triage()
    {
        var damaged = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Execute(SubmissionStoreFactory.SqliteFileName,
            """
            INSERT INTO submissions (id, received_at, token_hash, status, status_version, updated_at, public_notes, payload, next_handover_at)
            VALUES ($id, $at, 'token-hash', 'received', 0, $at, '[]', '{"reportId": "', $at)
            """, ("$id", damaged.ToString()), ("$at", now));

        var (after, _) = await System.Api.SubmitAsync(SystemUnderTest.Report("hub-a", "org/after-damage", "Submitted after a damaged one"));
        await System.Api.TriageReportAsync(after);

        var store = await ReadyCheckAsync("intake-store", check => check["data"]?["quarantined.submissions"]?.GetValue<long>() == 1);
        Assert.Equal("Degraded", store["status"]!.GetValue<string>());
        // Kept as it was, with its reason, and no longer due.
        Assert.Equal(1, StoreInspector.Count(System.DataDirectory, SubmissionStoreFactory.SqliteFileName,
            $"id = '{damaged}' AND payload IS NOT NULL AND quarantine_reason IS NOT NULL AND next_handover_at IS NULL"));
    }

    [Fact]
    public async Task An_outbox_row_that_is_no_message_is_set_aside_and_shown_in_readiness_and_the_events_after_it_go_out()
    {
        var report = await System.Api.TriageReportAsync((await System.Api.SubmitAsync(SystemUnderTest.Report("hub-a", "org/outbox", "Before"))).Id);
        Execute(TriageStoreFactory.SqliteFileName,
            "INSERT INTO outbox (id, message_type, body, created_at) VALUES ($id, 'SafetyReports.Contracts.NoSuchEvent', '{}', $at)",
            ("$id", Guid.NewGuid().ToString()), ("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));

        using var moved = await System.Api.SendAsync(HttpMethod.Post, System.Api.Urls.Triage, $"/api/v1/triage/reports/{report["id"]}/transitions",
            TestClients.Triager, new { to = "triaging", expectedVersion = report["version"]!.GetValue<long>() });
        Assert.True(moved.IsSuccessStatusCode);

        var store = await ReadyCheckAsync("triage-store", check => check["data"]?["quarantined.outbox"]?.GetValue<long>() == 1);
        Assert.Equal("Degraded", store["status"]!.GetValue<string>());
        await Eventually.UntilAsync(() => Task.FromResult(StoreInspector.Count(System.DataDirectory, TriageStoreFactory.SqliteFileName, table: "outbox") == 0),
            Patience, "Triage's outbox to empty");
        Assert.Equal(1, StoreInspector.Count(System.DataDirectory, TriageStoreFactory.SqliteFileName, "message_type = 'SafetyReports.Contracts.NoSuchEvent'", "outbox_quarantine"));
    }

    /// <summary>The named check of <c>/health/ready</c> once it matches; readiness still answers 200 meanwhile.</summary>
    private Task<JsonNode> ReadyCheckAsync(string name, Func<JsonNode, bool> until) =>
        Eventually.UntilAsync(async () =>
        {
            using var response = await System.Api.Http.GetAsync(SystemUnderTest.Url(System.Url, "/health/ready"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var checks = (await SystemUnderTest.JsonAsync(response))["checks"]!.AsArray();
            var check = checks.Single(c => c!["name"]!.GetValue<string>() == name)!;
            return until(check) ? check : null;
        }, Patience, $"readiness to show {name}'s quarantine");

    private void Execute(string file, string sql, params (string Name, object Value)[] parameters) =>
        StoreQuery.Execute(System.DataDirectory, file, sql, parameters);
}
