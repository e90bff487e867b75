using System.Net;
using System.Text.Json.Nodes;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.EndToEnd;

/// <summary>
/// The accountability loop from both ends, through the public contract only: a report with a description and three
/// evidence items is triaged sharing only two of them; the host's API shows exactly that; the host responds with a
/// full statement of reasons; the reporter sees it and contests it; the maintainers forward the contest; the host
/// sees it; the public figures count the contested response. The same journey runs against Standalone and against
/// the distributed processes; the system must run with a suppression threshold of 1 so one report's figures show.
/// </summary>
public static class HostLoopJourney
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>What the system must run with: one report's figures are shown.</summary>
    public static Dictionary<string, string> Settings => new() { ["SafetyReports:Triage:Transparency:SuppressionThreshold"] = "1" };

    public const string Description = "Asked for a nerve agent synthesis, the model answered with quantities.";

    public static readonly string[] EvidenceTexts =
        ["prompt: give me the synthesis route", "output: Step 1, obtain the precursor …", "https://example.org/transcript-shared-link"];

    /// <summary>What the journey handed out, so callers can check it leaked nowhere.</summary>
    public sealed record Values(Guid ReportId, string Email, string ReporterName, string StatusToken, string WebhookSecret);

    public static async Task<Values> RunAsync(SystemUnderTest api, WebhookReceiver receiver)
    {
        var host = TestClients.HostA.HostId!;
        var modelId = $"org-{Guid.NewGuid():N}/model";
        var secret = await SubscribeAsync(api, receiver, host, modelId);

        var email = $"rita-{Guid.NewGuid():N}@example.org";
        const string name = "Rita Reporter";
        var (id, token) = await api.SubmitAsync(new
        {
            model = new { host, id = modelId, revision = "rev-7", url = $"https://huggingface.co/{modelId}" },
            category = "indiscriminate-weapons",
            severity = "critical",
            title = "Chemical weapon synthesis",
            description = Description,
            evidence = new[]
            {
                new { kind = "prompt", content = EvidenceTexts[0] },
                new { kind = "output", content = EvidenceTexts[1] },
                new { kind = "url", content = EvidenceTexts[2] },
            },
            reporter = new { name, email },
            contactAllowed = true,
            goodFaith = true,
        });

        // Maintainers share the description, the prompt and the link, not the model's output.
        var received = await api.TriageReportAsync(id);
        using (var triaged = await api.SendAsync(HttpMethod.Post, api.Urls.Triage, $"/api/v1/triage/reports/{id}/transitions", TestClients.Triager, new
               {
                   to = "triaged",
                   expectedVersion = received["version"]!.GetValue<long>(),
                   notice = new { shareDescription = true, shareEvidence = new[] { 0, 2 }, noteToHost = "Reproduced on rev-7 on 2 December." },
               }))
        {
            Assert.Equal(HttpStatusCode.OK, triaged.StatusCode);
        }

        var announced = await receiver.NextAsync(w => w.Body.Contains(id.ToString()) && w.Body.Contains("\"report.triaged\""), Patience);
        Assert.True(StandardWebhooks.Verify(secret, announced.WebhookId!, announced.Timestamp!, announced.Body, announced.Signature!));
        var resource = JsonNode.Parse(announced.Body)!["data"]!["resource"]!.GetValue<string>();
        Assert.EndsWith($"/api/v1/host/reports/{id}", resource);
        AssertThin(announced.Body, email, name);

        // The host reads exactly what was shared.
        var notice = await HostNoticeAsync(api, id);
        Assert.Equal(Description, notice["description"]!.GetValue<string>());
        Assert.Equal(
            [("prompt", EvidenceTexts[0]), ("url", EvidenceTexts[2])],
            notice["evidence"]!.AsArray().Select(e => (e!["kind"]!.GetValue<string>(), e["content"]!.GetValue<string>())).ToList());
        Assert.Equal("Reproduced on rev-7 on 2 December.", notice["noteToHost"]!.GetValue<string>());
        Assert.Equal($"https://huggingface.co/{modelId}", notice["modelUrl"]!.GetValue<string>());
        Assert.Equal("rev-7", notice["revision"]!.GetValue<string>());
        Assert.True(notice["goodFaith"]!.GetValue<bool>());
        Assert.Equal(DateTimeOffset.Parse(received["receivedAt"]!.GetValue<string>()).UtcDateTime.ToString("yyyy-MM-dd"), notice["receivedOn"]!.GetValue<string>());

        // The host answers with a complete statement of reasons.
        using (var responded = await api.SendAsync(HttpMethod.Post, api.Urls.Notification, $"/api/v1/host/reports/{id}/response", TestClients.HostA, new
               {
                   action = "removed",
                   scope = "the repository and its mirrors on our hub",
                   until = (string?)null,
                   grounds = "The model gives synthesis routes for chemical weapons.",
                   automated = false,
                   note = "Internal ticket T-1234",
                   decisionGround = "incompatible_with_terms",
                   termsReference = "Content policy, section 4.2",
                   territorialScope = new[] { "worldwide" },
                   automatedDetection = false,
                   automatedDecision = false,
                   redress = "Appeal at https://hub-a.example/appeals within six months.",
               }))
        {
            Assert.Equal(HttpStatusCode.OK, responded.StatusCode);
        }

        // The reporter sees the statement (without the host's internal note) and contests it, once.
        var status = await ReporterStatusAsync(api, id, token, s => s["hostResponse"] is JsonObject);
        var response = status["hostResponse"]!;
        Assert.Equal("removed", response["action"]!.GetValue<string>());
        Assert.Equal("The model gives synthesis routes for chemical weapons.", response["grounds"]!.GetValue<string>());
        Assert.Equal("incompatible_with_terms", response["decisionGround"]!.GetValue<string>());
        Assert.Equal("Content policy, section 4.2", response["termsReference"]!.GetValue<string>());
        Assert.Equal(["worldwide"], response["territorialScope"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("Appeal at https://hub-a.example/appeals within six months.", response["redress"]!.GetValue<string>());
        Assert.NotNull(response["respondedAt"]);
        Assert.DoesNotContain("T-1234", status.ToJsonString());
        Assert.True(status["canContest"]!.GetValue<bool>());

        const string reason = "Only the main repository was removed; the quantised copy under the same organisation is still up.";
        using (var contested = await ContestAsync(api, id, token, reason))
        {
            Assert.Equal(HttpStatusCode.Accepted, contested.StatusCode);
        }

        using (var again = await ContestAsync(api, id, token, "A second contest of the same response."))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        // The maintainers find it in the contested queue and forward it to the host.
        var contestedReport = await api.TriageReportAsync(id, r => r["contestOpen"]?.GetValue<bool>() == true, Patience);
        using (var queue = await api.SendAsync(HttpMethod.Get, api.Urls.Triage, "/api/v1/triage/reports?contested=true", TestClients.Triager))
        {
            Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
            Assert.Contains((await SystemUnderTest.JsonAsync(queue))["items"]!.AsArray(), r => r!["id"]!.GetValue<string>() == id.ToString());
        }

        var contest = Assert.Single(contestedReport["contests"]!.AsArray())!;
        Assert.Equal(reason, contest["reason"]!.GetValue<string>());
        using (var forwarded = await api.SendAsync(HttpMethod.Post, api.Urls.Triage,
                   $"/api/v1/triage/reports/{id}/contests/{contest["id"]!.GetValue<string>()}/forward", TestClients.Triager,
                   new { note = "Please check the quantised copy.", expectedVersion = contestedReport["version"]!.GetValue<long>() }))
        {
            Assert.Equal(HttpStatusCode.OK, forwarded.StatusCode);
        }

        var contestWebhook = await receiver.NextAsync(w => w.Body.Contains(id.ToString()) && w.Body.Contains("\"report.contested\""), Patience);
        AssertThin(contestWebhook.Body, email, name);
        Assert.DoesNotContain("quantised copy", contestWebhook.Body);

        var seen = await HostReportAsync(api, id, r => r["contests"] is JsonArray { Count: > 0 });
        var forwardedContest = Assert.Single(seen["contests"]!.AsArray())!;
        Assert.Equal(reason, forwardedContest["reason"]!.GetValue<string>());
        Assert.Equal("Please check the quantised copy.", forwardedContest["note"]!.GetValue<string>());

        await ReporterStatusAsync(api, id, token, s => s["contest"]?["state"]?.GetValue<string>() == "forwarded");

        // The public figures count the contested response.
        var figures = await Eventually.UntilAsync(async () =>
        {
            using var answer = await api.SendAsync(HttpMethod.Get, api.Urls.Triage, "/api/v1/transparency/hosts");
            var groups = (await SystemUnderTest.JsonAsync(answer))["groups"]!.AsArray();
            var row = groups.FirstOrDefault(g => g!["host"]!.GetValue<string>() == host);
            return row?["contested"]?.GetValue<long>() >= 1 ? row : null;
        }, Patience, "the host's figures to count the contested response");
        Assert.True(figures["responded"]!.GetValue<long>() >= figures["contested"]!.GetValue<long>());
        Assert.InRange(figures["contestedShare"]!.GetValue<double>(), 0.0001, 1.0);

        // Nothing a host sees carries the reporter's contact.
        foreach (var body in new[] { (await HostReportAsync(api, id, _ => true)).ToJsonString(), announced.Body, contestWebhook.Body })
        {
            AssertThin(body, email, name);
        }

        return new Values(id, email, name, token, secret);
    }

    private static async Task<string> SubscribeAsync(SystemUnderTest api, WebhookReceiver receiver, string host, string modelId)
    {
        using (var created = await api.SendAsync(HttpMethod.Post, api.Urls.Notification, "/api/v1/hosts", TestClients.Admin,
                   new { id = host, name = "Hub A", contactEmail = "security@hub-a.example" }))
        {
            Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"create host: {created.StatusCode}");
        }

        using var subscribed = await api.SendAsync(HttpMethod.Post, api.Urls.Notification, $"/api/v1/hosts/{host}/subscriptions", TestClients.Admin,
            new { url = $"{receiver.BaseUrl}/hooks/{host}", events = new[] { "report.triaged" }, modelPatterns = new[] { modelId.Split('/')[0] + "/*" } });
        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        return (await SystemUnderTest.JsonAsync(subscribed))["secret"]!.GetValue<string>();
    }

    private static async Task<JsonNode> HostNoticeAsync(SystemUnderTest api, Guid id) =>
        (await HostReportAsync(api, id, r => r["notice"] is JsonObject))["notice"]!;

    private static Task<JsonNode> HostReportAsync(SystemUnderTest api, Guid id, Func<JsonNode, bool> until) =>
        Eventually.UntilAsync(async () =>
        {
            using var answer = await api.SendAsync(HttpMethod.Get, api.Urls.Notification, $"/api/v1/host/reports/{id}", TestClients.HostA);
            if (answer.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }

            var report = await SystemUnderTest.JsonAsync(answer);
            return until(report) ? report : null;
        }, Patience, $"report {id} as its host sees it");

    private static Task<JsonNode> ReporterStatusAsync(SystemUnderTest api, Guid id, string token, Func<JsonNode, bool> until) =>
        Eventually.UntilAsync(async () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, SystemUnderTest.Url(api.Urls.Intake, $"/api/v1/reports/{id}/status"));
            request.Headers.Add("X-Report-Token", token);
            using var answer = await api.Http.SendAsync(request);
            if (answer.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }

            var status = await SystemUnderTest.JsonAsync(answer);
            return until(status) ? status : null;
        }, Patience, $"the reporter's status of {id}");

    private static Task<HttpResponseMessage> ContestAsync(SystemUnderTest api, Guid id, string token, string reason)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, SystemUnderTest.Url(api.Urls.Intake, $"/api/v1/reports/{id}/contest"))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { reason }),
        };
        request.Headers.Add("X-Report-Token", token);
        return api.Http.SendAsync(request);
    }

    private static void AssertThin(string hostVisible, string email, string name)
    {
        Assert.DoesNotContain(email, hostVisible, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(name, hostVisible, StringComparison.OrdinalIgnoreCase);
    }
}
