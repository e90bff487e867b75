using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.Bench.EndToEnd;

/// <summary>
/// Submits reports at a fixed rate (open loop: submission n starts n / rate seconds after the first) and
/// plays a maintainer who triages each report the moment Triage has it, so the time to the webhook is
/// the system's own: Intake → Triage → (one triage call) → Notification → the host's receiver.
/// </summary>
public sealed class LoadDriver(SystemUnderTest api, ReportTimeline timeline, string triagerToken) : IDisposable
{
    private const int MaxInFlight = 512;
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { Timeout = TimeSpan.FromSeconds(60) };
    private int _number;
    private int _failures;

    public int Failures => Volatile.Read(ref _failures);

    /// <summary>Submits for <paramref name="duration"/> at <paramref name="perSecond"/>; returns when the last answer came.</summary>
    public async Task<int> SubmitAsync(double perSecond, TimeSpan duration, CancellationToken cancellationToken)
    {
        var count = (int)(perSecond * duration.TotalSeconds);
        var start = System.Diagnostics.Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(MaxInFlight);
        var requests = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond) - start.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, cancellationToken); // pacing of an open-loop load, not synchronisation
            }

            await gate.WaitAsync(cancellationToken);
            var n = Interlocked.Increment(ref _number);
            requests.Add(SubmitOneAsync(n, gate, cancellationToken));
        }

        await Task.WhenAll(requests);
        return count;
    }

    /// <summary>Called when Triage announces a stored report: triage it now (once).</summary>
    public async Task TriageAsync(Guid id)
    {
        var times = timeline.For(id);
        if (!times.ClaimTriage(timeline.Now))
        {
            return;
        }

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var version = attempt == 0 ? 1 : await CurrentVersionAsync(id);
            using var request = new HttpRequestMessage(HttpMethod.Post, SystemUnderTest.Url(api.Urls.Triage, $"/api/v1/triage/reports/{id}/transitions"))
            {
                Content = JsonContent.Create(new { to = "triaged", severity = "high", expectedVersion = version }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", triagerToken);
            using var response = await _http.SendAsync(request);
            if (response.IsSuccessStatusCode)
            {
                times.Triaged = timeline.Now;
                return;
            }
        }

        Interlocked.Increment(ref _failures);
    }

    private async Task SubmitOneAsync(int n, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        try
        {
            var started = timeline.Now;
            using var response = await _http.PostAsJsonAsync(SystemUnderTest.Url(api.Urls.Intake, "/api/v1/reports"), LoadScenario.Report(n), cancellationToken);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                Interlocked.Increment(ref _failures);
                return;
            }

            var id = Guid.Parse(JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!["id"]!.GetValue<string>());
            var times = timeline.For(id);
            times.SubmitStarted = started;
            times.Accepted = timeline.Now;
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref _failures);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<long> CurrentVersionAsync(Guid id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, SystemUnderTest.Url(api.Urls.Triage, $"/api/v1/triage/reports/{id}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", triagerToken);
        using var response = await _http.SendAsync(request);
        return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync())!["version"]!.GetValue<long>() : 1;
    }

    public void Dispose() => _http.Dispose();
}
