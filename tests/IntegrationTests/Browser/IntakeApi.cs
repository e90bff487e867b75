using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Browser;

/// <summary>What the browser tests check or do through the APIs: Intake's status endpoint and Triage's transitions.</summary>
public static class IntakeApi
{
    /// <summary>The status Intake shows the reporter, once it is <paramref name="status"/>.</summary>
    public static Task<JsonNode> ReceiptStatusAsync(StandaloneSystem system, Guid id, string token, string status) =>
        ReceiptStatusAsync(system, id, token, json => json["status"]!.GetValue<string>() == status, $"receipt {id} in status {status}");

    /// <summary>The status Intake shows the reporter, once <paramref name="until"/> holds for it.</summary>
    public static Task<JsonNode> ReceiptStatusAsync(StandaloneSystem system, Guid id, string token, Func<JsonNode, bool> until, string? what = null) =>
        Eventually.UntilAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{system.Url}/api/v1/reports/{id}/status");
            request.Headers.Add("X-Report-Token", token);
            using var response = await system.Api.Http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }

            var json = await SystemUnderTest.JsonAsync(response);
            return until(json) ? json : null;
        }, TimeSpan.FromSeconds(30), what ?? $"receipt {id} to reach the expected state");

    /// <summary>A maintainer's transition through the Triage API, from the version Triage has now.</summary>
    public static async Task TransitionAsync(StandaloneSystem system, Guid id, string to, string? publicNote = null)
    {
        var report = await system.Api.TriageReportAsync(id);
        using var response = await system.Api.SendAsync(HttpMethod.Post, system.Url, $"/api/v1/triage/reports/{id}/transitions", TestClients.Triager, new
        {
            to,
            publicNote,
            note = "internal: asked the reporter",
            expectedVersion = report["version"]!.GetValue<long>(),
        });
        Assert.True(response.IsSuccessStatusCode, $"transition to {to}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
