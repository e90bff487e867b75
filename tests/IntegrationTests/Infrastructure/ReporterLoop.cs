using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SafetyReports.IntegrationTests.Infrastructure;

/// <summary>
/// The reporter's side of the host loop through the public APIs: a report about a model of hub-a, triaged by a maintainer,
/// answered by hub-a's client through Notification's host API (which publishes <c>HostResponded</c>), then the reporter's
/// status and contest with the status token.
/// </summary>
public static class ReporterLoop
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>What hub-a's own words in a statement of reasons look like; the note is for the maintainers only.</summary>
    public const string HostNote = "Internal: handled by trust team member 7";

    /// <summary>A complete statement of reasons with every DSA field the host API accepts.</summary>
    public static object FullStatement(string grounds = "The repository breaches our content policy §3.") => new
    {
        action = "restricted",
        scope = "Downloads of the model from the EU",
        until = DateTimeOffset.UtcNow.AddDays(90).ToString("O"),
        grounds,
        note = HostNote,
        decisionGround = "incompatible_with_terms",
        termsReference = "Acceptable use policy §3.1",
        territorialScope = new[] { "DE", "FR" },
        automatedDetection = true,
        automatedDecision = false,
        automated = false,
        redress = "Write to appeals@hub-a.example within 6 months.",
    };

    /// <summary>Submits a report about a new model of hub-a and moves it to triaged; returns (id, status token).</summary>
    public static async Task<(Guid Id, string Token)> TriagedReportAsync(SystemUnderTest api, string title)
    {
        var (id, token) = await api.SubmitAsync(SystemUnderTest.Report(TestClients.HostA.HostId!, $"org-{Guid.NewGuid():N}/model", title));
        await TriageAsync(api, id);
        return (id, token);
    }

    /// <summary>A maintainer moves the report to triaged, which opens its route to the host.</summary>
    public static async Task TriageAsync(SystemUnderTest api, Guid id)
    {
        var report = await api.TriageReportAsync(id);
        using var triaged = await api.SendAsync(HttpMethod.Post, api.Urls.Triage, $"/api/v1/triage/reports/{id}/transitions", TestClients.Triager,
            new { to = "triaged", note = "confirmed", expectedVersion = report["version"]!.GetValue<long>() });
        Assert.Equal(HttpStatusCode.OK, triaged.StatusCode);
    }

    /// <summary>hub-a responds, once Notification has the report's route (it opens when Notification sees the triage).</summary>
    public static Task<JsonNode> RespondAsync(SystemUnderTest api, Guid id, object statement) =>
        Eventually.UntilAsync(async () =>
        {
            using var response = await api.SendAsync(HttpMethod.Post, api.Urls.Notification, $"/api/v1/host/reports/{id}/response", TestClients.HostA, statement);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"host response: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return await SystemUnderTest.JsonAsync(response);
        }, Patience, $"hub-a's response to report {id} to be taken");

    public static async Task<HttpResponseMessage> StatusAsync(SystemUnderTest api, Guid id, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, SystemUnderTest.Url(api.Urls.Intake, $"/api/v1/reports/{id}/status"));
        request.Headers.Add("X-Report-Token", token);
        return await api.Http.SendAsync(request);
    }

    /// <summary>The reporter's status, once <paramref name="until"/> holds for it.</summary>
    public static Task<JsonNode> ReceiptAsync(SystemUnderTest api, Guid id, string token, Func<JsonNode, bool> until, string what) =>
        Eventually.UntilAsync(async () =>
        {
            using var response = await StatusAsync(api, id, token);
            var json = await SystemUnderTest.JsonAsync(response);
            return response.StatusCode == HttpStatusCode.OK && until(json) ? json : null;
        }, Patience, what);

    public static Task<HttpResponseMessage> ContestAsync(SystemUnderTest api, Guid id, string? token, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, SystemUnderTest.Url(api.Urls.Intake, $"/api/v1/reports/{id}/contest"))
        {
            Content = JsonContent.Create(body),
        };
        if (token is not null)
        {
            request.Headers.Add("X-Report-Token", token);
        }

        return api.Http.SendAsync(request);
    }
}
